package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.jdbc.core.JdbcTemplate;

/** Browser sessions in Redis with CSRF (issue #3 §8–10, §12). */
class SessionIT extends SharedE2eTest {
  /** Each test here needs Redis itself: passing on a fallback would prove nothing. */
  @AfterEach
  void redisWasReallyUsed() {
    assertNoRedisFallbackTaken();
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired RedisConnectionFactory redis;

  @Test
  void jsonLoginCreatesAnHttpOnlyLaxSessionWithARotatedId() {
    String email = uniqueEmail();
    register(email);
    // A session id the browser already holds (planted, or left from an earlier login).
    String before = sessionFor(uniqueEmail());

    Api.Response login =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("Cookie", "SESSION=" + before)
            .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
            .send();

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.data().get("email").asString()).isEqualTo(email);
    String setCookie = sessionCookieHeader(login);
    assertThat(setCookie)
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .contains("Path=/");
    assertThat(setCookie).as("seed: 7-day session").contains("Max-Age=604800");
    assertThat(setCookie).as("Secure only in the prod profile").doesNotContain("Secure");
    String after = cookie(login, "SESSION");
    assertThat(after).isNotNull().isNotEqualTo(before);

    Api.Response me = withSession(api().call("GET", "/api/v1/users/me"), after).send();
    assertThat(me.data().get("email").asString()).isEqualTo(email);
    assertThat(withSession(api().call("GET", "/api/v1/users/me"), before).send().status())
        .as("the session id held before the login must not carry the new login")
        .isEqualTo(401);
  }

  @Test
  void formLoginNeedsTheCsrfTokenOfAPreLoginCsrfCall() {
    String email = uniqueEmail();
    register(email);
    String form =
        "email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    Api.Response forged =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send();
    assertProblem(forged, 403, "CSRF_REJECTED");

    Api.Response csrf = api().get("/api/v1/auth/csrf", null);
    String preLogin = cookie(csrf, "XSRF-TOKEN");
    assertThat(preLogin).as("the pre-login token rides in a short-lived cookie").isNotNull();
    Api.Response noCookie =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send();
    assertProblem(noCookie, 403, "CSRF_REJECTED");

    Api.Response login =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("Cookie", "XSRF-TOKEN=" + preLogin)
            .header("X-XSRF-TOKEN", csrf.data().get("token").asString())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(
            withSession(api().call("GET", "/api/v1/users/me"), cookie(login, "SESSION"))
                .send()
                .status())
        .isEqualTo(200);
  }

  @Test
  void anonymousCsrfCallsCreateNoSession() {
    long before = sessionKeys();
    for (int i = 0; i < 20; i++) {
      Api.Response csrf = api().get("/api/v1/auth/csrf", null);
      assertThat(csrf.status()).isEqualTo(200);
      assertThat(cookie(csrf, "SESSION")).as("no session cookie for an anonymous caller").isNull();
      String preLogin =
          csrf.raw().headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("XSRF-TOKEN="))
              .findFirst()
              .orElseThrow();
      assertThat(preLogin)
          .contains("HttpOnly")
          .containsIgnoringCase("SameSite=Strict")
          .contains("Max-Age=3600");
    }
    assertThat(sessionKeys()).as("session keys in Redis").isEqualTo(before);
  }

  @Test
  void wrongPasswordGivesNoSession() {
    String email = uniqueEmail();
    register(email);
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"wrong password!\"}");
    assertProblem(login, 401, "INVALID_CREDENTIALS");
  }

  @Test
  void unsafeSessionRequestsNeedTheCsrfToken() {
    String session = sessionFor(uniqueEmail());
    String body = "{\"displayName\":\"Via Session\"}";

    Api.Response missing =
        withSession(api().call("PATCH", "/api/v1/users/me"), session).json(body).send();
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
    String token =
        withSession(api().call("GET", "/api/v1/auth/csrf"), session)
            .send()
            .data()
            .get("token")
            .asString();
    Api.Response logout =
        withSession(api().call("DELETE", "/api/v1/auth/session"), session)
            .header("X-XSRF-TOKEN", token)
            .send();
    assertThat(logout.status()).isEqualTo(204);
    assertProblem(
        withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void logoutWithoutTheCsrfTokenIsRefusedAndTheSessionLives() {
    String session = sessionFor(uniqueEmail());
    assertProblem(
        withSession(api().call("DELETE", "/api/v1/auth/session"), session).send(),
        403,
        "CSRF_REJECTED");
    assertThat(withSession(api().call("GET", "/api/v1/users/me"), session).send().status())
        .isEqualTo(200);
  }

  @Test
  void passwordChangeThroughABrowserSessionWorksWithTheCsrfTokenAndEndsThatSession() {
    String email = uniqueEmail();
    String session = sessionFor(email);
    String newPassword = "another horse battery staple";
    String body =
        "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}";
    assertProblem(
        withSession(api().call("POST", "/api/v1/users/me/password"), session).json(body).send(),
        403,
        "CSRF_REJECTED");

    String token =
        withSession(api().call("GET", "/api/v1/auth/csrf"), session)
            .send()
            .data()
            .get("token")
            .asString();
    Api.Response changed =
        withSession(api().call("POST", "/api/v1/users/me/password"), session)
            .header("X-XSRF-TOKEN", token)
            .json(body)
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

    assertProblem(
        withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
    assertProblem(
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"),
        401,
        "INVALID_CREDENTIALS");
    Api.Response again =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + newPassword + "\"}");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
  }

  @Test
  void theBearerLogoutEndpointAlsoEndsABrowserSession() {
    String session = sessionFor(uniqueEmail());
    String token =
        withSession(api().call("GET", "/api/v1/auth/csrf"), session)
            .send()
            .data()
            .get("token")
            .asString();
    Api.Response logout =
        withSession(api().call("POST", "/api/v1/auth/logout"), session)
            .header("X-XSRF-TOKEN", token)
            .send();
    assertThat(logout.status()).isEqualTo(204);
    assertProblem(
        withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void aSessionWorksOnAnotherInstanceAndSurvivesItsRestart() {
    String session = sessionFor(uniqueEmail());
    ConfigurableApplicationContext other = startAnotherInstance(Map.of());
    try {
      Api.Response there =
          withSession(new Api(portOf(other)).call("GET", "/api/v1/users/me"), session).send();
      assertThat(there.status()).as(there.toString()).isEqualTo(200);
    } finally {
      other.close();
    }
    ConfigurableApplicationContext restarted = startAnotherInstance(Map.of());
    try {
      assertThat(
              withSession(new Api(portOf(restarted)).call("GET", "/api/v1/users/me"), session)
                  .send()
                  .status())
          .isEqualTo(200);
    } finally {
      restarted.close();
    }
  }

  @Test
  void aSessionUsedAllTheTimeStillEndsItsMaxLifetimeAfterLogin() throws InterruptedException {
    Duration lifetime = Duration.ofSeconds(6);
    ConfigurableApplicationContext other =
        startAnotherInstance(Map.of("worklane.security.session-max-lifetime", "6s"));
    try {
      Api there = new Api(portOf(other));
      String email = uniqueEmail();
      register(email);
      long beforeLogin = System.nanoTime();
      Api.Response login =
          api()
              .postJson(
                  "/api/v1/auth/session",
                  "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
      long afterLogin = System.nanoTime();
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      String session = cookie(login, "SESSION");

      int used = 0;
      while (System.nanoTime() - beforeLogin < lifetime.minusSeconds(1).toNanos()) {
        Api.Response me = withSession(there.call("GET", "/api/v1/users/me"), session).send();
        if (System.nanoTime() - beforeLogin < lifetime.toNanos()) { // answered within the lifetime
          assertThat(me.status()).as(me.toString()).isEqualTo(200);
          used++;
        }
        Thread.sleep(300); // far below the idle timeout: the session never idles
      }
      assertThat(used).as("the session was used again and again").isGreaterThan(1);
      long untilEnd = lifetime.toNanos() - (System.nanoTime() - afterLogin);
      if (untilEnd > 0) {
        Thread.sleep(Duration.ofNanos(untilEnd).plusMillis(100));
      }

      assertProblem(
          withSession(there.call("GET", "/api/v1/users/me"), session).send(),
          401,
          "UNAUTHENTICATED");
      assertProblem(
          withSession(api().call("GET", "/api/v1/users/me"), session).send(),
          401,
          "UNAUTHENTICATED");
    } finally {
      other.close();
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
    String id =
        withSession(api().call("GET", "/api/v1/users/me"), session)
            .send()
            .data()
            .get("id")
            .asString();
    assertThat(api().call("POST", "/api/v1/users/" + id + "/disable").bearer(admin).send().status())
        .isEqualTo(200);

    assertProblem(
        withSession(api().call("GET", "/api/v1/users/me"), session).send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void sessionCookieIsSecureAndHostPrefixedInProduction() throws Exception {
    ConfigurableApplicationContext prod =
        startAnotherInstance(
            Map.of("spring.profiles.active", "prod", "worklane.jwt.generate-keys", "true"));
    try {
      String email = uniqueEmail();
      register(email);
      Api.Response login =
          new Api(portOf(prod))
              .postJson(
                  "/api/v1/auth/session",
                  "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      assertThat(login.header("Set-Cookie"))
          .startsWith("__Host-SESSION=")
          .contains("Secure")
          .contains("HttpOnly")
          .containsIgnoringCase("SameSite=Lax")
          .contains("Path=/")
          .doesNotContainIgnoringCase("Domain=");
    } finally {
      prod.close();
    }
  }

  private String sessionFor(String email) {
    register(email);
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return cookie(login, "SESSION");
  }

  /** Keys of this test JVM's sessions in Redis (every key carries the JVM's prefix). */
  private long sessionKeys() {
    try (RedisConnection connection = redis.getConnection();
        Cursor<byte[]> keys =
            connection
                .keyCommands()
                .scan(
                    ScanOptions.scanOptions()
                        .match(REDIS_PREFIX + "*session*")
                        .count(1000)
                        .build())) {
      long count = 0;
      while (keys.hasNext()) {
        keys.next();
        count++;
      }
      return count;
    }
  }

  private static String sessionCookieHeader(Api.Response response) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("SESSION="))
        .findFirst()
        .orElseThrow();
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
