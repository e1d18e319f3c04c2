package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue #2 §14: JSON log lines with requestId/userId; passwords, tokens, Authorization never
 * logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedIT extends SharedE2eTest {

  @Test
  void registerLoginRefreshLogNoSecretButCarryRequestAndUserIds(CapturedOutput output) {
    String email = uniqueEmail();
    String secretPassword = "s3cret-Passphrase-" + System.nanoTime();
    assertThat(
            api()
                .postJson(
                    "/api/v1/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"" + secretPassword + "\"}")
                .status())
        .isEqualTo(201);
    Api.Response login =
        api()
            .call("POST", "/api/v1/auth/login")
            .header("X-Request-Id", "login-req-1")
            .json("{\"email\":\"" + email + "\",\"password\":\"" + secretPassword + "\"}")
            .send();
    assertThat(login.status()).isEqualTo(200);
    api()
        .postJson(
            "/api/v1/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"wrong-" + secretPassword + "\"}");
    String access = login.data().get("accessToken").asString();
    String refresh = login.data().get("refreshToken").asString();
    Api.Response rotated =
        api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
    api().call("GET", "/api/v1/users/me").header("X-Request-Id", "me-req-1").bearer(access).send();
    api()
        .call("POST", "/api/v1/auth/logout")
        .bearer(rotated.data().get("accessToken").asString())
        .send();
    api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}"); // reuse

    String logs = output.getAll();
    for (String secret :
        List.of(
            secretPassword,
            access,
            access.substring(access.lastIndexOf('.') + 1),
            refresh,
            rotated.data().get("refreshToken").asString(),
            "Bearer ")) {
      assertThat(logs).doesNotContain(secret);
    }
    assertThat(logs)
        .contains("auth_login_succeeded", "auth_login_failed", "auth_refresh_reuse", "auth_logout");

    List<JsonNode> lines =
        logs.lines().filter(l -> l.startsWith("{")).map(l -> Api.JSON.readTree(l)).toList();
    JsonNode loginLine = find(lines, "auth_login_succeeded");
    assertThat(loginLine.get("requestId").asString()).isEqualTo("login-req-1");
    JsonNode meLine =
        lines.stream()
            .filter(l -> l.has("requestId") && "me-req-1".equals(l.get("requestId").asString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no log line for request me-req-1"));
    assertThat(meLine.get("userId").asString()).isEqualTo(subjectOf(access));
  }

  private static JsonNode find(List<JsonNode> lines, String event) {
    return lines.stream()
        .filter(l -> l.has("message") && l.get("message").asString().contains(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no JSON log line with " + event));
  }

  private static String subjectOf(String jwt) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    return Api.JSON.readTree(payload).get("sub").asString();
  }
}
