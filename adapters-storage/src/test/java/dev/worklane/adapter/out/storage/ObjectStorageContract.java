package dev.worklane.adapter.out.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.model.storage.StoredObjectInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StorageBackend} promises, run against each adapter on a real store (a
 * directory; an S3-protocol server). Each test works under its own key prefix, so the suite needs
 * no cleanup between tests.
 */
public abstract class ObjectStorageContract {
  protected static final int MIB = 1024 * 1024;

  /** The adapter under test. */
  protected abstract StorageBackend storage();

  /**
   * What a client fetching {@code url} gets: the status and, when 200, the body, the content type
   * and the file name it is to be saved as (decoded from {@code Content-Disposition: attachment}).
   * The local store's URLs are served by the web adapter, whose headers the application's
   * end-to-end tests check; here they are verified through {@code ServedFiles}.
   */
  protected abstract Download fetch(URI url);

  /** The public base URL the adapter was configured with. */
  protected abstract URI publicBaseUrl();

  public record Download(int status, String contentType, String attachmentName, byte[] body) {}

  private final String prefix = "contract/" + UUID.randomUUID() + "/";

  protected String key(String name) {
    return prefix + name;
  }

  @Test
  void storesAndReadsBackAnObjectOfKnownLength() throws IOException {
    byte[] bytes = "hello, storage".getBytes(StandardCharsets.UTF_8);
    StoredObject stored =
        storage()
            .put(
                key("a.txt"),
                new ByteArrayInputStream(bytes),
                bytes.length,
                "text/plain",
                ObjectVisibility.PRIVATE);

    assertThat(stored).isEqualTo(new StoredObject(key("a.txt"), bytes.length));
    try (ObjectContent content = storage().get(key("a.txt"), Optional.empty()).orElseThrow()) {
      assertThat(content.length()).isEqualTo(bytes.length);
      assertThat(content.totalSize()).isEqualTo(bytes.length);
      assertThat(content.contentType()).isEqualTo("text/plain");
      assertThat(content.partial()).isFalse();
      assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void storesAStreamOfUnknownLength() throws IOException {
    StoredObject stored =
        storage()
            .put(
                key("unknown"),
                new Generated(3 * MIB + 17, 1),
                -1,
                "application/octet-stream",
                ObjectVisibility.PRIVATE);

    assertThat(stored.sizeBytes()).isEqualTo(3 * MIB + 17);
    assertThat(digestOf(key("unknown"))).isEqualTo(digest(new Generated(3 * MIB + 17, 1)));
  }

  @Test
  void storesLargeObjectsOfKnownAndUnknownLengthInParts() throws IOException {
    long size = 20L * MIB + 123;
    storage()
        .put(
            key("large-known"),
            new Generated(size, 2),
            size,
            "video/mp4",
            ObjectVisibility.PRIVATE);
    storage()
        .put(
            key("large-unknown"),
            new Generated(size, 3),
            -1,
            "video/mp4",
            ObjectVisibility.PRIVATE);

    assertThat(digestOf(key("large-known"))).isEqualTo(digest(new Generated(size, 2)));
    assertThat(digestOf(key("large-unknown"))).isEqualTo(digest(new Generated(size, 3)));
    try (ObjectContent content =
        storage().get(key("large-unknown"), Optional.empty()).orElseThrow()) {
      assertThat(content.totalSize()).isEqualTo(size);
    }
  }

  @Test
  void readsByteRanges() throws IOException {
    byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
    put("digits", bytes);

    assertThat(range("digits", new ByteRange(2, 5))).isEqualTo("2345");
    assertThat(range("digits", ByteRange.from(7))).isEqualTo("789");
    assertThat(range("digits", new ByteRange(8, 100))).isEqualTo("89");
    try (ObjectContent part =
        storage().get(key("digits"), Optional.of(new ByteRange(2, 5))).orElseThrow()) {
      assertThat(part.length()).isEqualTo(4);
      assertThat(part.totalSize()).isEqualTo(10);
      assertThat(part.partial()).isTrue();
    }
    assertThatThrownBy(() -> storage().get(key("digits"), Optional.of(ByteRange.from(10))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overwritesAnExistingObject() throws IOException {
    put("same", "first".getBytes(StandardCharsets.UTF_8));
    put("same", "second".getBytes(StandardCharsets.UTF_8));

    assertThat(read("same")).isEqualTo("second");
  }

  @Test
  void deletesIdempotentlyAndAnswersEmptyForMissingObjects() {
    put("gone", new byte[] {1, 2, 3});

    storage().delete(key("gone"));
    storage().delete(key("gone"));
    storage().delete(key("never-was"));

    assertThat(storage().get(key("gone"), Optional.empty())).isEmpty();
    assertThat(storage().get(key("never-was"), Optional.empty())).isEmpty();
  }

  @Test
  void aStreamThatFailsMidwayLeavesNoObjectAndReachesTheCallerUnchanged() {
    IllegalStateException limit = new IllegalStateException("size limit crossed");
    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("broken"),
                        new Generated(12L * MIB, 4).failingAfter(9 * MIB, limit),
                        -1,
                        "application/pdf",
                        ObjectVisibility.PRIVATE))
        .isSameAs(limit);
    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("broken-known"),
                        new Generated(2L * MIB, 4).failingAfter(MIB, limit),
                        2L * MIB,
                        "application/pdf",
                        ObjectVisibility.PRIVATE))
        .isSameAs(limit);

    assertThat(storage().get(key("broken"), Optional.empty())).isEmpty();
    assertThat(storage().get(key("broken-known"), Optional.empty())).isEmpty();
    assertThat(listed("", Instant.now().plusSeconds(60))).isEmpty();
  }

  @Test
  void aFailedOverwriteKeepsTheOldObject() throws IOException {
    put("kept", "old".getBytes(StandardCharsets.UTF_8));
    IOException broken = new IOException("client went away");

    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("kept"),
                        new Generated(MIB, 5).failingAfter(1000, broken),
                        -1,
                        "text/plain",
                        ObjectVisibility.PRIVATE))
        .isInstanceOf(UncheckedIOException.class)
        .hasCause(broken);
    assertThat(read("kept")).isEqualTo("old");
  }

  @Test
  void refusesContentWhoseLengthDiffersFromTheDeclaredOne() {
    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("short"),
                        new ByteArrayInputStream(new byte[10]),
                        11,
                        "text/plain",
                        ObjectVisibility.PRIVATE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                storage()
                    .put(
                        key("long"),
                        new ByteArrayInputStream(new byte[10]),
                        9,
                        "text/plain",
                        ObjectVisibility.PRIVATE))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(storage().get(key("short"), Optional.empty())).isEmpty();
    assertThat(storage().get(key("long"), Optional.empty())).isEmpty();
  }

  @Test
  void refusesKeysThatCouldLeaveTheStore() {
    for (String bad :
        List.of("../x", "/x", "a//b", ".hidden", "a/../b", "a/./b", "a/", "", "a\\b", "a b")) {
      assertThatThrownBy(
              () ->
                  storage()
                      .put(
                          bad,
                          new ByteArrayInputStream(new byte[1]),
                          1,
                          "text/plain",
                          ObjectVisibility.PRIVATE))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> storage().get(bad, Optional.empty()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> storage().delete(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void presignedUrlDownloadsTheBytesAsAnAttachmentWithTheSignedType() {
    byte[] bytes = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    put("page", bytes);

    URI url =
        storage()
            .presignGet(
                key("page"),
                Duration.ofMinutes(5),
                new DownloadDisposition("résumé \"final\".html", "text/plain"));
    Download download = fetch(url);

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(bytes);
    assertThat(download.contentType()).startsWith("text/plain");
    assertThat(download.attachmentName()).isEqualTo("résumé \"final\".html");
  }

  @Test
  void presignedUrlStopsWorkingOnceExpired() throws InterruptedException {
    put("short-lived", new byte[] {42});

    URI url =
        storage()
            .presignGet(
                key("short-lived"),
                Duration.ofSeconds(1),
                new DownloadDisposition("x.bin", "application/octet-stream"));
    Thread.sleep(2_100);

    assertThat(fetch(url).status()).isEqualTo(403);
  }

  @Test
  void refusesSignedUrlsValidForNothingOrTooLong() {
    DownloadDisposition disposition = new DownloadDisposition("x", "text/plain");
    assertThatThrownBy(() -> storage().presignGet(key("x"), Duration.ZERO, disposition))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage().presignGet(key("x"), Duration.ofDays(8), disposition))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsObjectsUnderAPrefixLastModifiedBeforeTheCutoff() {
    Instant before = Instant.now().minusSeconds(60);
    put("list/a/1", new byte[] {1});
    put("list/a/2", new byte[] {1, 2});
    put("list/b/1", new byte[] {1});
    Instant after = Instant.now().plusSeconds(60);

    List<StoredObjectInfo> underA = listed("list/a/", after);
    assertThat(underA)
        .extracting(StoredObjectInfo::key)
        .containsExactlyInAnyOrder(key("list/a/1"), key("list/a/2"));
    assertThat(underA)
        .filteredOn(info -> info.key().equals(key("list/a/2")))
        .singleElement()
        .satisfies(
            info -> {
              assertThat(info.sizeBytes()).isEqualTo(2);
              assertThat(info.lastModified()).isBetween(before, after);
            });
    assertThat(listed("list/", after)).hasSize(3);
    assertThat(listed("list/", before)).isEmpty();
    assertThat(listed("nothing-here/", after)).isEmpty();
  }

  @Test
  void publicObjectsHaveAPermanentUrlAndArePublicOnlyWhenStoredSo() throws IOException {
    put("avatar.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, ObjectVisibility.PUBLIC);
    put("secret.png", new byte[] {1}, ObjectVisibility.PRIVATE);

    assertThat(storage().publicUrl(key("avatar.png")))
        .isEqualTo(URI.create(publicBaseUrl() + "/" + key("avatar.png")));
    try (ObjectContent content =
        storage().openPublic(key("avatar.png"), Optional.empty()).orElseThrow()) {
      assertThat(content.stream().readAllBytes()).hasSize(4);
    }
    try (ObjectContent content =
        storage().openPublic(key("avatar.png"), Optional.of(ByteRange.from(1))).orElseThrow()) {
      assertThat(new String(content.stream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("PNG");
    }
    assertThat(storage().openPublic(key("secret.png"), Optional.empty())).isEmpty();
    assertThat(storage().openPublic(key("missing.png"), Optional.empty())).isEmpty();
    assertThat(storage().openPublic("../etc/passwd", Optional.empty())).isEmpty();
  }

  @Test
  void answersTheReadinessCheck() {
    storage().check();
  }

  // helpers

  protected void put(String name, byte[] bytes) {
    put(name, bytes, ObjectVisibility.PRIVATE);
  }

  protected void put(String name, byte[] bytes, ObjectVisibility visibility) {
    storage()
        .put(
            key(name),
            new ByteArrayInputStream(bytes),
            bytes.length,
            "application/octet-stream",
            visibility);
  }

  protected String read(String name) throws IOException {
    try (ObjectContent content = storage().get(key(name), Optional.empty()).orElseThrow()) {
      return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String range(String name, ByteRange range) throws IOException {
    try (ObjectContent content = storage().get(key(name), Optional.of(range)).orElseThrow()) {
      return new String(content.stream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  protected List<StoredObjectInfo> listed(String under, Instant olderThan) {
    List<StoredObjectInfo> found = new ArrayList<>();
    storage().list(prefix + under, olderThan, found::add);
    return found;
  }

  private String digestOf(String key) throws IOException {
    try (ObjectContent content = storage().get(key, Optional.empty()).orElseThrow()) {
      return digest(content.stream());
    }
  }

  protected static String digest(InputStream in) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        sha.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code size} pseudo-random bytes made on the fly (never held in memory), optionally failing
   * with {@code failure} once {@code failAfter} bytes were read.
   */
  public static final class Generated extends InputStream {
    private final long seed;
    private long remaining;
    private long read;
    private long failAfter = -1;
    private Exception failure;

    public Generated(long size, long seed) {
      this.remaining = size;
      this.seed = seed * 0x9E3779B97F4A7C15L;
    }

    /** The bytes depend on their position only, not on how a reader chunks its reads. */
    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    public Generated failingAfter(long bytes, Exception failure) {
      this.failAfter = bytes;
      this.failure = failure;
      return this;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (failAfter >= 0 && read >= failAfter) {
        if (failure instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) failure;
      }
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      if (failAfter >= 0) {
        n = (int) Math.min(n, Math.max(1, failAfter - read));
      }
      for (int i = 0; i < n; i++) {
        long position = read + i;
        target[offset + i] = (byte) (mix(seed ^ (position >>> 3)) >>> ((position & 7) * 8));
      }
      remaining -= n;
      read += n;
      return n;
    }
  }
}
