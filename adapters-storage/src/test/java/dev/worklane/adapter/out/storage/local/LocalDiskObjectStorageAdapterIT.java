package dev.worklane.adapter.out.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.storage.ObjectStorageContract;
import dev.worklane.adapter.out.storage.StorageBackend;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.SignedFileLink;
import dev.worklane.application.port.out.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real directory, plus what only files can show: no leftovers, no escape. */
class LocalDiskObjectStorageAdapterIT extends ObjectStorageContract {
  static final URI DOWNLOADS = URI.create("http://localhost:8080/files/download");
  static final URI PUBLIC = URI.create("http://cdn.example.test/files/public");
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;
  LocalDiskObjectStorageAdapter storage;

  @Override
  protected StorageBackend storage() {
    if (storage == null) {
      storage =
          new LocalDiskObjectStorageAdapter(root, SECRET, DOWNLOADS, PUBLIC, Clock.systemUTC());
    }
    return storage;
  }

  @Override
  protected URI publicBaseUrl() {
    return PUBLIC;
  }

  /** What the web adapter's download endpoint decides, through the same port. */
  @Override
  protected Download fetch(URI url) {
    SignedFileLink link = parse(url);
    if (!storage().isAuthentic(link) || !Instant.now().isBefore(link.expires())) {
      return new Download(403, null, null, null);
    }
    try (ObjectContent content = storage().get(link.key(), Optional.empty()).orElseThrow()) {
      return new Download(
          200,
          link.disposition().contentType(),
          link.disposition().fileName(),
          content.stream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SignedFileLink parse(URI url) {
    assertThat(url.toString()).startsWith(DOWNLOADS + "/");
    String key = url.getRawPath().substring(DOWNLOADS.getRawPath().length() + 1);
    Map<String, String> query = new HashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return new SignedFileLink(
        key,
        Instant.ofEpochSecond(Long.parseLong(query.get("expires"))),
        new DownloadDisposition(query.get("name"), query.get("type")),
        query.get("signature"));
  }

  @Test
  void keepsObjectsUnderTheRootAndLeavesNoTemporaryFileAfterAFailedPut() throws IOException {
    put("kept/a", new byte[] {1, 2, 3});
    RuntimeException failure = new IllegalStateException("limit");
    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("kept/b"),
                        new Generated(5L * MIB, 9).failingAfter(MIB, failure),
                        -1,
                        "text/plain",
                        ObjectVisibility.PRIVATE))
        .isSameAs(failure);

    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
          .containsExactly(key("kept/a"));
    }
  }

  @Test
  void listRemovesTemporaryFilesOfCrashedPutsOnceOlderThanTheCutoff() throws IOException {
    put("crash/done", new byte[] {1});
    Path directory = root.resolve(key("crash"));
    Path stale = Files.writeString(directory.resolve(".x.123.part"), "partial");
    Path fresh = Files.writeString(directory.resolve(".y.456.part"), "partial");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    assertThat(listed("crash/", Instant.now().minus(Duration.ofHours(1)))).isEmpty();

    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
    assertThat(listed("crash/", Instant.now().plusSeconds(5)))
        .extracting(info -> info.key())
        .containsExactly(key("crash/done"));
  }

  @Test
  void aSignatureCoversTheKeyTheExpiryTheNameAndTheType() {
    put("signed", new byte[] {7});
    SignedFileLink link =
        parse(
            storage()
                .presignGet(
                    key("signed"),
                    Duration.ofMinutes(10),
                    new DownloadDisposition("report.csv", "text/csv")));
    assertThat(storage().isAuthentic(link)).isTrue();

    for (SignedFileLink edited :
        List.of(
            new SignedFileLink(key("other"), link.expires(), link.disposition(), link.signature()),
            new SignedFileLink(
                link.key(), link.expires().plusSeconds(1), link.disposition(), link.signature()),
            new SignedFileLink(
                link.key(),
                link.expires(),
                new DownloadDisposition("report.html", "text/csv"),
                link.signature()),
            new SignedFileLink(
                link.key(),
                link.expires(),
                new DownloadDisposition("report.csv", "text/html"),
                link.signature()),
            new SignedFileLink(
                link.key(), link.expires(), link.disposition(), link.signature() + "A"),
            new SignedFileLink(link.key(), link.expires(), link.disposition(), "not base64!"),
            new SignedFileLink(
                "../" + link.key(), link.expires(), link.disposition(), link.signature()))) {
      assertThat(storage().isAuthentic(edited)).as(edited.toString()).isFalse();
    }
    LocalDiskObjectStorageAdapter otherSecret =
        new LocalDiskObjectStorageAdapter(
            root,
            "another secret of thirty-two bytes!".getBytes(StandardCharsets.UTF_8),
            DOWNLOADS,
            PUBLIC,
            Clock.systemUTC());
    assertThat(otherSecret.isAuthentic(link)).isFalse();
  }

  @Test
  void refusesAContentTypeThatCouldSplitAHeader() {
    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("x"),
                        new ByteArrayInputStream(new byte[1]),
                        1,
                        "text/html\r\nSet-Cookie: a=b",
                        ObjectVisibility.PRIVATE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkFailsWhenTheDirectoryIsGone() throws IOException {
    storage().check();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(LocalDiskObjectStorageAdapterIT::delete);
    }

    assertThatThrownBy(() -> storage().check()).isInstanceOf(StorageUnavailableException.class);
    put("y", new byte[] {1}); // a put recreates the directories it needs
    storage().check();
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
