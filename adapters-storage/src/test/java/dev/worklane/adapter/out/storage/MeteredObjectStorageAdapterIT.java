package dev.worklane.adapter.out.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.storage.local.LocalDiskObjectStorageAdapter;
import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.StorageUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters around a real (local-disk) store. */
class MeteredObjectStorageAdapterIT {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path root;

  MeteredObjectStorageAdapter storage() {
    return new MeteredObjectStorageAdapter(
        new LocalDiskObjectStorageAdapter(
            root,
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            URI.create("http://localhost/files/download"),
            URI.create("http://localhost/files/public"),
            Clock.systemUTC()),
        registry);
  }

  @Test
  void timesEachOperationAndCountsTheBytesUploadedAndActuallyRead() throws IOException {
    MeteredObjectStorageAdapter storage = storage();
    storage.put(
        "a/b",
        new ByteArrayInputStream(new byte[1000]),
        1000,
        "text/plain",
        ObjectVisibility.PUBLIC);
    try (ObjectContent content =
        storage.get("a/b", Optional.of(new ByteRange(0, 99))).orElseThrow()) {
      content.stream().readAllBytes();
    }
    try (ObjectContent content = storage.openPublic("a/b", Optional.empty()).orElseThrow()) {
      content.stream().readNBytes(10);
    }
    storage.presignGet("a/b", Duration.ofMinutes(1), new DownloadDisposition("b", "text/plain"));
    storage.list("", Instant.now(), info -> {});
    storage.check();
    storage.delete("a/b");

    assertThat(count("put", "success")).isEqualTo(1);
    assertThat(count("get", "success")).isEqualTo(2);
    for (String operation : new String[] {"delete", "presign", "list", "check"}) {
      assertThat(count(operation, "success")).as(operation).isEqualTo(1);
      assertThat(count(operation, "error")).as(operation).isZero();
    }
    assertThat(bytes("uploaded")).isEqualTo(1000);
    assertThat(bytes("downloaded")).isEqualTo(110);
  }

  @Test
  void countsTheStoresFaultsAsErrorsButNotTheCallersAborts() throws IOException {
    MeteredObjectStorageAdapter storage = storage();
    assertThatThrownBy(
            () ->
                storage.put(
                    "x",
                    new ByteArrayInputStream(new byte[5]),
                    6,
                    "text/plain",
                    ObjectVisibility.PRIVATE))
        .isInstanceOf(IllegalArgumentException.class);
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    Files.writeString(root, "not a directory any more");

    assertThatThrownBy(storage::check).isInstanceOf(StorageUnavailableException.class);

    assertThat(count("put", "success") + count("put", "error")).isZero();
    assertThat(count("check", "error")).isEqualTo(1);
    assertThat(bytes("uploaded")).isZero();
  }

  private long count(String operation, String outcome) {
    return registry
        .get(MeteredObjectStorageAdapter.REQUESTS)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .timer()
        .count();
  }

  private double bytes(String direction) {
    return registry
        .get(MeteredObjectStorageAdapter.BYTES)
        .tag("direction", direction)
        .counter()
        .count();
  }
}
