package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pre-login CSRF cookie ({@code GET /api/v1/auth/csrf} without a session) is {@code __Host-}
 * prefixed in production, like the session cookie: Secure, {@code Path=/}, no {@code Domain}, so no
 * sibling (sub)domain can plant a token of its own for the form login.
 */
class PreLoginCsrfCookieIT extends SharedE2eTest {

  @Test
  void isHostPrefixedInProductionAndStillGuardsTheFormLogin() {
    ConfigurableApplicationContext prod =
        startAnotherInstance(
            Map.of("spring.profiles.active", "prod", "worklane.jwt.generate-keys", "true"));
    try {
      Api api = new Api(portOf(prod));
      Api.Response csrf = api.get("/api/v1/auth/csrf", null);
      assertThat(csrf.status()).as(csrf.toString()).isEqualTo(200);
      String setCookie = csrf.header("Set-Cookie");
      assertThat(setCookie)
          .startsWith("__Host-XSRF-TOKEN=")
          .contains("Secure")
          .contains("HttpOnly")
          .containsIgnoringCase("SameSite=Strict")
          .contains("Path=/;")
          .doesNotContainIgnoringCase("Domain=");
      String token = SessionIT.cookie(csrf, "__Host-XSRF-TOKEN");

      String email = uniqueEmail();
      register(email);
      String form =
          "email="
              + URLEncoder.encode(email, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
      Api.Response unprefixed =
          api.call("POST", "/api/v1/auth/session")
              .header("Cookie", "XSRF-TOKEN=" + token)
              .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
              .header("Content-Type", "application/x-www-form-urlencoded")
              .body(form)
              .send();
      assertProblem(unprefixed, 403, "CSRF_REJECTED");
      Api.Response login =
          api.call("POST", "/api/v1/auth/session")
              .header("Cookie", "__Host-XSRF-TOKEN=" + token)
              .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
              .header("Content-Type", "application/x-www-form-urlencoded")
              .body(form)
              .send();
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
    } finally {
      prod.close();
    }
  }

  @Test
  void isUnprefixedForThePlainHttpDevelopmentSetup() {
    Api.Response csrf = api().get("/api/v1/auth/csrf", null);
    assertThat(csrf.header("Set-Cookie"))
        .startsWith("XSRF-TOKEN=")
        .contains("Path=/api/v1/auth")
        .doesNotContain("Secure");
  }
}
