package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.ObjectStorage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The local-disk store's app-served URLs through real HTTP: a presigned download (valid, expired,
 * edited in each part), ranges (206, 416) and the headers that keep a hostile file from rendering
 * on our origin; public objects with their long cache headers. No bearer token anywhere.
 */
class FileDownloadIT extends SharedE2eTest {
  static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @Autowired ObjectStorage storage;

  final String key = "e2e/" + UUID.randomUUID() + "/page.html";

  String pathOf(URI url) {
    assertThat(url.toString()).startsWith("http://localhost:8080/files/download/");
    return url.getRawPath() + "?" + url.getRawQuery();
  }

  String presigned(Duration validity, String name, String type) {
    return pathOf(storage.presignGet(key, validity, new DownloadDisposition(name, type)));
  }

  void store(byte[] bytes, ObjectVisibility visibility) {
    storage.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/html", visibility);
  }

  @Test
  void servesAValidLinkAsAnAttachmentThatNeverRendersOnOurOrigin() {
    store(DIGITS, ObjectVisibility.PRIVATE);
    double downloaded = downloadedBytes();

    Api.Response response =
        api().get(presigned(Duration.ofMinutes(5), "résumé \"v2\".html", "text/plain"), null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("0123456789");
    assertThat(response.header("Content-Type")).isEqualTo("text/plain");
    assertThat(response.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"r_sum_ _v2_.html\";"
                + " filename*=UTF-8''r%C3%A9sum%C3%A9%20%22v2%22.html");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
    assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(response.header("Content-Length")).isEqualTo("10");
    assertThat(response.header("Cache-Control")).contains("no-store");
    assertThat(downloadedBytes()).as("bytes the app served").isEqualTo(downloaded + 10);
    assertThat(Files.exists(DATA_DIR.resolve("files").resolve(key)))
        .as("objects live under $WORKLANE_DATA_DIR/files")
        .isTrue();
    assertThat(DATA_DIR.resolve("storage-signing-secret")).exists();
  }

  double downloadedBytes() {
    return contextMeters
        .get("worklane.storage.bytes")
        .tag("direction", "downloaded")
        .counter()
        .count();
  }

  @Test
  void honoursRangesWith206AndAnswers416BeyondTheEnd() {
    store(DIGITS, ObjectVisibility.PRIVATE);
    String url = presigned(Duration.ofMinutes(5), "digits.txt", "text/plain");

    Api.Response middle = api().call("GET", url).header("Range", "bytes=2-5").send();
    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo("2345");
    assertThat(middle.header("Content-Range")).isEqualTo("bytes 2-5/10");
    assertThat(middle.header("Content-Length")).isEqualTo("4");
    assertThat(middle.header("Content-Disposition")).startsWith("attachment;");

    Api.Response suffix = api().call("GET", url).header("Range", "bytes=-3").send();
    assertThat(suffix.status()).isEqualTo(206);
    assertThat(suffix.body()).isEqualTo("789");
    assertThat(suffix.header("Content-Range")).isEqualTo("bytes 7-9/10");

    Api.Response beyond = api().call("GET", url).header("Range", "bytes=10-").send();
    assertProblem(beyond, 416, "RANGE_NOT_SATISFIABLE");
    assertThat(beyond.header("Content-Range")).isEqualTo("bytes */10");
  }

  @Test
  void refusesAnExpiredLinkWith403() throws InterruptedException {
    store(DIGITS, ObjectVisibility.PRIVATE);
    String url = presigned(Duration.ofSeconds(1), "digits.txt", "text/plain");
    Thread.sleep(2_100);

    assertProblem(api().get(url, null), 403, "LINK_EXPIRED");
  }

  @Test
  void refusesALinkEditedInAnyPartWith403() {
    store(DIGITS, ObjectVisibility.PRIVATE);
    String url = presigned(Duration.ofMinutes(5), "digits.txt", "text/plain");
    String expires = url.replaceAll(".*expires=(\\d+).*", "$1");

    for (String edited :
        new String[] {
          url.replace("page.html", "other.html"),
          url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600)),
          url.replace("name=digits.txt", "name=digits.html"),
          url.replace("type=text%2Fplain", "type=text%2Fhtml"),
          url.replaceAll("signature=[^&]*", "signature=AAAA"),
          url.replaceAll("&signature=[^&]*", "")
        }) {
      assertThat(edited).isNotEqualTo(url);
      assertProblem(api().get(edited, null), 403, "LINK_INVALID");
    }
  }

  @Test
  void aValidLinkToADeletedObjectIs404() {
    store(DIGITS, ObjectVisibility.PRIVATE);
    String url = presigned(Duration.ofMinutes(5), "digits.txt", "text/plain");
    storage.delete(key);

    assertProblem(api().get(url, null), 404, "NOT_FOUND");
  }

  @Test
  void servesPublicObjectsWithLongCacheHeadersAndHidesPrivateOnes() {
    store(DIGITS, ObjectVisibility.PUBLIC);
    URI url = storage.publicUrl(key);
    assertThat(url.toString()).isEqualTo("http://localhost:8080/files/public/" + key);

    Api.Response response = api().get(url.getRawPath(), null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("0123456789");
    assertThat(response.header("Content-Type")).isEqualTo("text/html");
    assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
    assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
    assertThat(response.header("Pragma")).isNull();

    Api.Response range = api().call("GET", url.getRawPath()).header("Range", "bytes=5-").send();
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.body()).isEqualTo("56789");

    store(DIGITS, ObjectVisibility.PRIVATE);
    assertProblem(api().get(url.getRawPath(), null), 404, "NOT_FOUND");
    // The firewall refuses encoded dot segments before routing; the key check would answer 404.
    assertThat(api().get("/files/public/e2e/%2e%2e/%2e%2e/etc/passwd", null).status())
        .isIn(400, 404);
    assertProblem(
        api().get("/files/public/.worklane/storage-signing-secret", null), 404, "NOT_FOUND");
  }
}
