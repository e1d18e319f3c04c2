package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue #6 §9: NUL and other control characters in any JSON string are a 400 naming the field,
 * never a 500 (PostgreSQL refuses U+0000 in text) and never a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ControlCharactersIT extends SharedE2eTest {
  static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u001b", "\u001f", "\u007f");

  @Test
  void registerRefusesControlCharactersInEveryField(CapturedOutput output) {
    for (String control : CONTROLS) {
      assertRefused(
          api()
              .postJson(
                  "/api/v1/auth/register",
                  json(registration("x" + control + uniqueEmail(), PASSWORD, "Ada"))),
          "email");
      assertRefused(
          api()
              .postJson(
                  "/api/v1/auth/register",
                  json(registration(uniqueEmail(), PASSWORD + control, "Ada"))),
          "password");
      assertRefused(
          api()
              .postJson(
                  "/api/v1/auth/register",
                  json(registration(uniqueEmail(), PASSWORD, "Ada" + control))),
          "displayName");
    }
    assertNoServerError(output);
  }

  @Test
  void loginAndSessionLoginRefuseControlCharacters(CapturedOutput output) {
    String email = uniqueEmail();
    register(email);
    for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/session")) {
      for (String control : CONTROLS) {
        assertRefused(
            api().postJson(path, json(Map.of("email", email + control, "password", PASSWORD))),
            "email");
        assertRefused(
            api().postJson(path, json(Map.of("email", control + email, "password", PASSWORD))),
            "email");
        assertRefused(
            api().postJson(path, json(Map.of("email", email, "password", PASSWORD + control))),
            "password");
      }
    }
    assertNoServerError(output);
  }

  @Test
  void formSessionLoginRefusesNul(CapturedOutput output) {
    String email = uniqueEmail();
    register(email);
    Api.Response csrf = api().get("/api/v1/auth/csrf", null);
    String cookies =
        String.join(
            "; ",
            csrf.raw().headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";")[0])
                .toList());
    String form =
        "email="
            + URLEncoder.encode(email + "\u0000", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    Api.Response response =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("Cookie", cookies)
            .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send();
    assertRefused(response, "email");
    assertNoServerError(output);
  }

  @Test
  void profileAndPasswordChangeRefuseControlCharacters(CapturedOutput output) {
    String token = newUserToken();
    for (String control : CONTROLS) {
      assertRefused(
          api()
              .call("PATCH", "/api/v1/users/me")
              .bearer(token)
              .json(json(Map.of("displayName", "Ada" + control)))
              .send(),
          "displayName");
      assertRefused(
          api()
              .call("PATCH", "/api/v1/users/me")
              .bearer(token)
              .json(json(Map.of("timeZone", "Europe/Paris" + control)))
              .send(),
          "timeZone");
      assertRefused(
          api()
              .postJson(
                  "/api/v1/users/me/password",
                  json(
                      Map.of("currentPassword", PASSWORD + control, "newPassword", PASSWORD + "!")),
                  token),
          "currentPassword");
      assertRefused(
          api()
              .postJson(
                  "/api/v1/users/me/password",
                  json(Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD + control)),
                  token),
          "newPassword");
    }
    Api.Response me = api().get("/api/v1/users/me", token);
    assertThat(me.status()).as("nothing was changed and the token still works").isEqualTo(200);
    assertNoServerError(output);
  }

  @Test
  void anyJsonStringWithNulIsRefusedNamingTheField() {
    // The JSON-level guard answers while the body is read, before any per-field rule runs.
    Api.Response response =
        api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"abc\\u0000def\"}");
    assertRefused(response, "refreshToken");
  }

  @Test
  void multiLineWhitespaceIsNotTheGeneralGuardsBusiness() {
    // Tab/newline pass the JSON-level guard; the single-line field rule still names the field.
    String token = newUserToken();
    assertRefused(
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(token)
            .json(json(Map.of("displayName", "A\nda")))
            .send(),
        "displayName");
  }

  private static Map<String, Object> registration(
      String email, String password, String displayName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("password", password);
    body.put("displayName", displayName);
    return body;
  }

  private static String json(Map<String, ?> body) {
    return Api.JSON.writeValueAsString(body);
  }

  private static void assertRefused(Api.Response response, String field) {
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.json().get("errors").findValuesAsString("field"))
        .as(response.toString())
        .contains(field);
  }

  private static void assertNoServerError(CapturedOutput output) {
    assertThat(output.getAll())
        .doesNotContain("unhandled_exception")
        .doesNotContain("\tat ")
        .doesNotContain("0x00");
  }
}
