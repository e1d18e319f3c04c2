package dev.worklane.bootstrap.e2e;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue #6 §10: the 1 MB body cap holds for multipart bodies too on every endpoint that takes no
 * upload: refused by Content-Length before the body is read, or counted while it streams; a small
 * multipart body is never parsed and gets the endpoint's ordinary 404/415.
 */
class BodyLimitIT extends SharedE2eTest {
  private static final String BOUNDARY = "worklane-test-boundary";

  @Test
  void multipartOverTheCapWithContentLengthIs413() {
    Api.Response response =
        api()
            .call("POST", "/api/v1/auth/login")
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(HttpRequest.BodyPublishers.ofByteArray(multipart(1_500_000)))
            .send();
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void streamedMultipartIsCountedAndCutOffWith413() {
    byte[] body = multipart(1_500_000);
    Api.Response response =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(newUserToken())
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .send();
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aSmallMultipartBodyGetsTheEndpointsOrdinaryAnswer() {
    Api.Response login =
        api()
            .call("POST", "/api/v1/auth/login")
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(HttpRequest.BodyPublishers.ofByteArray(multipart(1_000)))
            .send();
    assertProblem(login, 415, "UNSUPPORTED_MEDIA_TYPE");

    Api.Response unknown =
        api()
            .call("POST", "/api/v1/nothing-here")
            .bearer(newUserToken())
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(multipart(1_000))))
            .send();
    assertProblem(unknown, 404, "NOT_FOUND");
  }

  private static byte[] multipart(int fileBytes) {
    String head =
        "--"
            + BOUNDARY
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    byte[] body = new byte[head.length() + fileBytes + tail.length()];
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(h, 0, body, 0, h.length);
    java.util.Arrays.fill(body, h.length, h.length + fileBytes, (byte) 'x');
    System.arraycopy(t, 0, body, h.length + fileBytes, t.length);
    return body;
  }
}
