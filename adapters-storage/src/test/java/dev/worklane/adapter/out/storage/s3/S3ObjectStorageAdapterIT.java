package dev.worklane.adapter.out.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.storage.ObjectStorageContract;
import dev.worklane.adapter.out.storage.StorageBackend;
import dev.worklane.adapter.out.storage.testsupport.TestS3;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.StoredObjectInfo;
import dev.worklane.application.port.out.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The contract against s3proxy (real S3 protocol, signatures checked), plus outages. */
class S3ObjectStorageAdapterIT extends ObjectStorageContract {
  static final URI PUBLIC = URI.create("https://cdn.example.test/files/public");
  static final TestS3 SERVER = TestS3.withBucket("worklane-contract");
  static final S3ObjectStorageAdapter STORAGE = adapterFor(SERVER);
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static S3ObjectStorageAdapter adapterFor(TestS3 server) {
    return new S3ObjectStorageAdapter(
        S3Clients.client(server.settings(), TestS3.credentials()),
        S3Clients.presigner(server.settings(), TestS3.credentials()),
        server.bucket(),
        PUBLIC,
        Duration.ofSeconds(2));
  }

  @AfterAll
  static void stopServer() {
    STORAGE.close();
    SERVER.close();
  }

  @Override
  protected StorageBackend storage() {
    return STORAGE;
  }

  @Override
  protected URI publicBaseUrl() {
    return PUBLIC;
  }

  /** A plain HTTP client, no SDK: what a browser following the URL gets. */
  @Override
  protected Download fetch(URI url) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return new Download(response.statusCode(), null, null, null);
      }
      String disposition = response.headers().firstValue("Content-Disposition").orElse("");
      assertThat(disposition).startsWith("attachment;");
      String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
      return new Download(
          200,
          response.headers().firstValue("Content-Type").orElse(null),
          URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aFailedLargeUploadLeavesNoOpenMultipartUpload() {
    IllegalStateException limit = new IllegalStateException("limit");
    assertThatThrownBy(
            () ->
                STORAGE.put(
                    key("aborted"),
                    new Generated(30L * MIB, 7).failingAfter(17L * MIB, limit),
                    -1,
                    "application/zip",
                    ObjectVisibility.PRIVATE))
        .isSameAs(limit);

    assertThat(openUploads()).isEmpty();
  }

  @Test
  void listAbortsMultipartUploadsACrashLeftOpenOnceOlderThanTheCutoff() {
    String uploadId;
    try (S3Client client = S3Clients.client(SERVER.settings(), TestS3.credentials())) {
      uploadId =
          client
              .createMultipartUpload(r -> r.bucket(SERVER.bucket()).key(key("crashed")))
              .uploadId();
    }
    assertThat(openUploads()).extracting(MultipartUpload::uploadId).contains(uploadId);

    listed("", Instant.now().minusSeconds(3600));
    assertThat(openUploads()).extracting(MultipartUpload::uploadId).contains(uploadId);

    List<StoredObjectInfo> none = new ArrayList<>();
    STORAGE.list(key(""), Instant.now().plusSeconds(60), none::add);
    assertThat(openUploads()).extracting(MultipartUpload::uploadId).doesNotContain(uploadId);
  }

  @Test
  void anUnreachableStoreIsUnavailableAndTheAdapterRecoversWhenItIsBack() throws IOException {
    TestS3 flaky = TestS3.withBucket("worklane-flaky");
    try (S3ObjectStorageAdapter storage = adapterFor(flaky)) {
      storage.put(
          "a/b",
          new ByteArrayInputStream(new byte[] {1}),
          1,
          "text/plain",
          ObjectVisibility.PRIVATE);
      flaky.stop();

      assertThatThrownBy(storage::check).isInstanceOf(StorageUnavailableException.class);
      assertThatThrownBy(() -> storage.get("a/b", Optional.empty()))
          .isInstanceOf(StorageUnavailableException.class)
          .hasMessageNotContaining(TestS3.SECRET_KEY)
          .hasMessageNotContaining(TestS3.ACCESS_KEY);
      assertThatThrownBy(
              () ->
                  storage.put(
                      "a/c",
                      new ByteArrayInputStream(new byte[] {1}),
                      1,
                      "text/plain",
                      ObjectVisibility.PRIVATE))
          .isInstanceOf(StorageUnavailableException.class);
      assertThatThrownBy(() -> storage.delete("a/b"))
          .isInstanceOf(StorageUnavailableException.class);
      assertThatThrownBy(() -> storage.list("", Instant.now(), info -> {}))
          .isInstanceOf(StorageUnavailableException.class);

      flaky.start();
      storage.check();
      try (var content = storage.get("a/b", Optional.empty()).orElseThrow()) {
        assertThat(content.stream().readAllBytes()).containsExactly(1);
      }
    } finally {
      flaky.close();
    }
  }

  @Test
  void wrongCredentialsAreAnUnavailableStoreWithoutTheSecretInTheMessage() {
    try (S3ObjectStorageAdapter wrong =
        new S3ObjectStorageAdapter(
            S3Clients.client(
                SERVER.settings(),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        TestS3.ACCESS_KEY, "not-the-secret-key-at-all"))),
            S3Clients.presigner(SERVER.settings(), TestS3.credentials()),
            SERVER.bucket(),
            PUBLIC,
            Duration.ofSeconds(2))) {
      assertThatThrownBy(wrong::check)
          .isInstanceOf(StorageUnavailableException.class)
          .hasMessageContaining("status=403")
          .hasMessageNotContaining("not-the-secret-key-at-all");
    }
  }

  private static List<MultipartUpload> openUploads() {
    try (S3Client client = S3Clients.client(SERVER.settings(), TestS3.credentials())) {
      return client.listMultipartUploads(r -> r.bucket(SERVER.bucket())).uploads();
    }
  }
}
