package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.ObjectStorage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on S3 ({@code WORKLANE_STORAGE_TYPE=s3}, path-style, credentials from the SDK's
 * default chain — here its system-property source) against a real S3-protocol server in a process
 * of its own: presigned URLs are S3's, the app's signed-download endpoint answers 404, public
 * objects are served through the app. Then the server is killed: /ready goes DOWN on storage, a
 * request that needs storage is 503 STORAGE_UNAVAILABLE with Retry-After, and both recover by
 * themselves once it is back.
 */
@TestPropertySource(
    properties = {
      "worklane.storage.type=s3",
      "worklane.storage.s3.bucket=" + S3ServerProcess.BUCKET,
      "worklane.storage.s3.path-style=true",
      "worklane.storage.s3.region=us-east-1",
      "worklane.storage.s3.timeout=5s"
    })
class S3StorageIT extends E2eTest {
  static final S3ServerProcess S3 = new S3ServerProcess();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static {
    S3.start();
    System.setProperty("aws.accessKeyId", S3ServerProcess.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ServerProcess.SECRET_KEY);
  }

  @Autowired ObjectStorage storage;
  @Autowired MeterRegistry meters;

  final String key = "e2e/" + UUID.randomUUID() + "/notes.txt";

  @DynamicPropertySource
  static void s3AndOwnRedisKeys(DynamicPropertyRegistry registry) {
    registry.add("worklane.storage.s3.endpoint", S3::endpoint);
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", TestRedis::uniquePrefix);
  }

  @AfterAll
  static void stopS3() {
    S3.close();
  }

  void store(ObjectVisibility visibility) {
    byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
    storage.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/plain", visibility);
  }

  @Test
  void presignedUrlsAreS3sAndTheLocalDownloadEndpointIsGone() throws Exception {
    store(ObjectVisibility.PRIVATE);

    URI url =
        storage.presignGet(
            key, Duration.ofMinutes(5), new DownloadDisposition("notes ü.txt", "text/plain"));
    assertThat(url.toString()).startsWith(S3.endpoint() + "/" + S3ServerProcess.BUCKET + "/" + key);
    HttpResponse<String> download =
        HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("0123456789");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"notes _.txt\"; filename*=UTF-8''notes%20%C3%BC.txt");
    assertThat(download.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");

    assertProblem(
        api()
            .get(
                "/files/download/" + key + "?expires=9999999999&name=a&type=a/b&signature=x", null),
        404,
        "NOT_FOUND");
    Api.Response ready = api().get("/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("checks").get("storage").asString()).isEqualTo("UP");
  }

  @Test
  void aStorageOutageIs503AndReadinessDownUntilTheStoreIsBack() {
    store(ObjectVisibility.PUBLIC);
    String publicPath = storage.publicUrl(key).getRawPath();
    assertThat(api().get(publicPath, null).body()).isEqualTo("0123456789");
    double errorsBefore = checkErrors();

    S3.kill();
    try {
      Api.Response down =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> api().get("/ready", null), r -> r.status() == 503);
      assertThat(down.json().get("checks").get("storage").asString()).isEqualTo("DOWN");

      Api.Response file = api().get(publicPath, null);
      assertProblem(file, 503, "STORAGE_UNAVAILABLE");
      assertThat(file.header("Retry-After")).isEqualTo("5");
      assertThat(file.body())
          .doesNotContain(S3ServerProcess.SECRET_KEY)
          .doesNotContain("127.0.0.1");
      assertThat(checkErrors()).isGreaterThan(errorsBefore);
    } finally {
      S3.start();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/ready", null).status() == 200);
    double downloaded =
        meters.get("worklane.storage.bytes").tag("direction", "downloaded").counter().count();
    assertThat(api().get(publicPath, null).body()).isEqualTo("0123456789");
    assertThat(
            meters.get("worklane.storage.bytes").tag("direction", "downloaded").counter().count())
        .isEqualTo(downloaded + 10);
  }

  private double checkErrors() {
    return meters
        .get("worklane.storage.requests")
        .tag("operation", "check")
        .tag("outcome", "error")
        .timer()
        .count();
  }
}
