package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Browser sessions in Redis with CSRF (issue #3 §8–10, §12). */
class SessionIT extends SharedE2eTest {
  /** Each test here needs Redis itself: passing on a fallback would prove nothing. */
  @AfterEach
  void redisWasReallyUsed() {
    assertNoRedisFallbackTaken();
  }

  @Autowired JdbcTemplate jdbc;

  @Test
  void jsonLoginCreatesAnHttpOnlyLaxSessionWithARotatedId() {
    String email = uniqueEmail();
    register(email);
    Api.Response csrf = api().get("/api/v1/auth/csrf", null);
    String before = cookie(csrf, "SESSION");
    assertThat(before).as("GET /csrf starts an anonymous session").isNotNull();

    Api.Response login =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("Cookie", "SESSION=" + before)
            .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
            .send();

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.data().get("email").asString()).isEqualTo(email);
    String setCookie = login.header("Set-Cookie");
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
    assertThat(setCookie).as("seed: 7-day session").contains("Max-Age=604800");
    assertThat(setCookie).as("Secure only in the prod profile").doesNotContain("Secure");
    String after = cookie(login, "SESSION");
    assertThat(after).isNotNull().isNotEqualTo(before);

    assertThat(withSession(api().call("GET", "/api/v1/users/me"), after).send().status()).isEqualTo(200);
    assertThat(withSession(api().call("GET", "/api/v1/users/me"), before).send().status())
        .as("the pre-login session id must not be authenticated")
        .isEqualTo(401);
  }

  @Test
  void formLoginNeedsTheCsrfTokenOfAPreLoginSession() {
    String email = uniqueEmail();
    register(email);
    String form =
        "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    Api.Response forged =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send();
    assertProblem(forged, 403, "CSRF_REJECTED");

    Api.Response csrf = api().get("/api/v1/auth/csrf", null);
    String preLogin = cookie(csrf, "SESSION");
    Api.Response login =
        withSession(api().call("POST", "/api/v1/auth/session"), preLogin)
            .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(withSession(api().call("GET", "/api/v1/users/me"), cookie(login, "SESSION")).send().status())
        .isEqualTo(200);
  }

  @Test
  void wrongPasswordGivesNoSession() {
    String email = uniqueEmail();
    register(email);
    Api.Response login =
        api().postJson("/api/v1/auth/session", "{\"email\":\"" + email + "\",\"password\":\"wrong password!\"}");
    assertProblem(login, 401, "INVALID_CREDENTIALS");
  }

  @Test
  void unsafeSessionRequestsNeedTheCsrfToken() {
    String session = sessionFor(uniqueEmail());
    String body = "{\"displayName\":\"Via Session\"}";

    Api.Response missing = withSession(api().call("PATCH", "/api/v1/users/me"), session).json(body).send();
    assertProblem(missing, 403, "CSRF_REJECTED");

    Api.Response wrong =
        withSession(api().call("PATCH", "/api/v1/users/me"), session)
            .header("X-XSRF-TOKEN", "forged")
            .json(body)
            .send();
    assertProblem(wrong, 403, "CSRF_REJECTED");

    Api.Response csrf = withSession(api().call("GET", "/api/v1/auth/csrf"), session).send();
    assertThat(csrf.data().get("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
    Api.Response ok =
        withSession(api().call("PATCH", "/api/v1/users/me"), session)
            .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
            .json(body)
            .send();
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.data().get("displayName").asString()).isEqualTo("Via Session");
  }

  @Test
  void bearerRequestsNeedNoCsrfToken() {
    Api.Response ok =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(newUserToken())
            .json("{\"displayName\":\"Via Token\"}")
            .send();
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
  }

  @Test
  void logoutEndsTheSession() {
    String session = sessionFor(uniqueEmail());
    String token = withSession(api().call("GET", "/api/v1/auth/csrf"), session).send().data().get("token").asString();
    Api.Response logout =
        withSession(api().call("DELETE", "/api/v1/auth/session"), session).header("X-XSRF-TOKEN", token).send();
    assertThat(logout.status()).isEqualTo(204);
    assertProblem(withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void theBearerLogoutEndpointAlsoEndsABrowserSession() {
    String session = sessionFor(uniqueEmail());
    String token = withSession(api().call("GET", "/api/v1/auth/csrf"), session).send().data().get("token").asString();
    Api.Response logout =
        withSession(api().call("POST", "/api/v1/auth/logout"), session).header("X-XSRF-TOKEN", token).send();
    assertThat(logout.status()).isEqualTo(204);
    assertProblem(withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void aSessionWorksOnAnotherInstanceAndSurvivesItsRestart() {
    String session = sessionFor(uniqueEmail());
    ConfigurableApplicationContext other = startAnotherInstance(Map.of());
    try {
      Api.Response there = withSession(new Api(portOf(other)).call("GET", "/api/v1/users/me"), session).send();
      assertThat(there.status()).as(there.toString()).isEqualTo(200);
    } finally {
      other.close();
    }
    ConfigurableApplicationContext restarted = startAnotherInstance(Map.of());
    try {
      assertThat(withSession(new Api(portOf(restarted)).call("GET", "/api/v1/users/me"), session).send().status())
          .isEqualTo(200);
    } finally {
      restarted.close();
    }
  }

  @Test
  void disablingTheAccountEndsItsSessions() {
    String adminEmail = uniqueEmail();
    String adminId = register(adminEmail);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", adminId);
    String admin = login(adminEmail).get("accessToken").asString();

    String email = uniqueEmail();
    String session = sessionFor(email);
    String id = withSession(api().call("GET", "/api/v1/users/me"), session).send().data().get("id").asString();
    assertThat(api().call("POST", "/api/v1/users/" + id + "/disable").bearer(admin).send().status()).isEqualTo(200);

    assertProblem(withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void sessionCookieIsSecureAndHostPrefixedInProduction() throws Exception {
    ConfigurableApplicationContext prod =
        startAnotherInstance(Map.of("spring.profiles.active", "prod", "worklane.jwt.generate-keys", "true"));
    try {
      String email = uniqueEmail();
      register(email);
      Api.Response login =
          new Api(portOf(prod))
              .postJson("/api/v1/auth/session", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      assertThat(login.header("Set-Cookie")).startsWith("__Host-SESSION=").contains("Secure").contains("HttpOnly")
          .containsIgnoringCase("SameSite=Lax").contains("Path=/").doesNotContainIgnoringCase("Domain=");
    } finally {
      prod.close();
    }
  }

  private String sessionFor(String email) {
    register(email);
    Api.Response login =
        api().postJson("/api/v1/auth/session", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return cookie(login, "SESSION");
  }

  static Api.Call withSession(Api.Call call, String session) {
    return call.header("Cookie", "SESSION=" + session);
  }

  static String cookie(Api.Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse(null);
  }
}
