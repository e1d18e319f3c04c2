package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every client mistake is a 4xx problem document, never a 500 or a stack trace. */
class ErrorContractIT extends SharedE2eTest {

  @Test
  void malformedJsonIs400() {
    Api.Response response = api().postJson("/api/v1/auth/login", "{\"email\": \"a@b.io\", ");
    assertProblem(response, 400, "MALFORMED_JSON");
  }

  @Test
  void unknownPropertyIs400NamingTheProperty() {
    Api.Response response =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\""
                    + uniqueEmail()
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"roles\":[\"ADMIN\"]}");
    assertProblem(response, 400, "UNKNOWN_PROPERTY");
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    Api.Response number =
        api().postJson("/api/v1/auth/login", "{\"email\":\"a@b.io\",\"password\":123456789012}");
    assertProblem(number, 400, "TYPE_MISMATCH");
    assertThat(number.json().get("errors").get(0).get("field").asString()).isEqualTo("password");

    Api.Response object =
        api().postJson("/api/v1/auth/login", "{\"email\":{\"x\":1},\"password\":\"p\"}");
    assertProblem(object, 400, "TYPE_MISMATCH");
  }

  @Test
  void missingFieldIs400WithTheFieldList() {
    Api.Response response = api().postJson("/api/v1/auth/register", "{\"displayName\":\"x\"}");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.json().get("errors").findValuesAsString("field"))
        .contains("email", "password");
  }

  @Test
  void emptyBodyIs400() {
    assertProblem(api().postJson("/api/v1/auth/login", ""), 400, "MALFORMED_BODY");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertProblem(
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"a@b.io\",\"email\":\"c@d.io\",\"password\":\"x\"}"),
        400,
        "MALFORMED_JSON");
  }

  @Test
  void oversizedBodyIs413() {
    String big = "{\"email\":\"a@b.io\",\"password\":\"" + "x".repeat(1_100_000) + "\"}";
    assertProblem(api().postJson("/api/v1/auth/login", big), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void oversizedChunkedBodyIs413() {
    String big = "{\"email\":\"a@b.io\",\"password\":\"" + "x".repeat(1_100_000) + "\"}";
    Api.Response response =
        api()
            .call("POST", "/api/v1/auth/login")
            .header("Content-Type", "application/json")
            .body(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big.getBytes())))
            .send();
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void wrongContentTypeIs415() {
    Api.Response response =
        api()
            .call("POST", "/api/v1/auth/login")
            .header("Content-Type", "text/plain")
            .body("email=a@b.io")
            .send();
    assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void unknownRouteIs404() {
    String token = newUserToken();
    assertProblem(api().get("/api/v1/nothing-here", token), 404, "NOT_FOUND");
    assertProblem(api().get("/nothing-here", null), 404, "NOT_FOUND");
  }

  @Test
  void wrongMethodIs405() {
    Api.Response response = api().get("/api/v1/auth/login", null);
    assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    assertThat(response.header("Allow")).contains("POST");
    assertProblem(
        api().call("DELETE", "/api/v1/users/me").bearer(newUserToken()).send(),
        405,
        "METHOD_NOT_ALLOWED");
  }

  @Test
  void requestIdIsEchoedWhenValidAndReplacedWhenNot() {
    Api.Response kept = api().call("GET", "/health").header("X-Request-Id", "trace-abc.123").send();
    assertThat(kept.header("X-Request-Id")).isEqualTo("trace-abc.123");

    Api.Response replaced =
        api().call("GET", "/health").header("X-Request-Id", "bad id\" <script>").send();
    assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");

    Api.Response generated = api().get("/api/v1/users/me", null);
    assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(generated.json().get("requestId").asString())
        .isEqualTo(generated.header("X-Request-Id"));
  }
}
