package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Logout and account disable take effect at once, on every instance (issue #3 §11–12). */
class RevocationIT extends SharedE2eTest {
  /** Each test here needs Redis itself: passing on a fallback would prove nothing. */
  @AfterEach
  void redisWasReallyUsed() {
    assertNoRedisFallbackTaken();
  }

  @Autowired JdbcTemplate jdbc;

  @Test
  void aLoggedOutAccessTokenIsRejectedEverywhereRightAway() {
    String token = newUserToken();
    ConfigurableApplicationContext other = startAnotherInstance(Map.of());
    try {
      Api second = new Api(portOf(other));
      assertThat(second.get("/api/v1/users/me", token).status()).isEqualTo(200);

      assertThat(api().call("POST", "/api/v1/auth/logout").bearer(token).send().status())
          .isEqualTo(204);

      assertProblem(api().get("/api/v1/users/me", token), 401, "INVALID_TOKEN");
      // the other instance learns it through Redis pub/sub (near-cache invalidation): milliseconds
      await()
          .atMost(Duration.ofSeconds(2))
          .untilAsserted(
              () -> assertProblem(second.get("/api/v1/users/me", token), 401, "INVALID_TOKEN"));
    } finally {
      other.close();
    }
  }

  @Test
  void logoutAlsoKillsTheEarlierAccessTokensOfThatLogin() {
    String email = uniqueEmail();
    register(email);
    tools.jackson.databind.JsonNode first = login(email);
    String a1 = first.get("accessToken").asString();
    Api.Response rotated =
        api()
            .postJson(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + first.get("refreshToken").asString() + "\"}");
    String a2 = rotated.data().get("accessToken").asString();
    String otherLogin = login(email).get("accessToken").asString();

    assertThat(api().call("POST", "/api/v1/auth/logout").bearer(a2).send().status()).isEqualTo(204);

    assertProblem(api().get("/api/v1/users/me", a2), 401, "INVALID_TOKEN");
    assertProblem(api().get("/api/v1/users/me", a1), 401, "INVALID_TOKEN");
    assertThat(api().get("/api/v1/users/me", otherLogin).status())
        .as("another login (device) of the same user stays signed in")
        .isEqualTo(200);
  }

  @Test
  void changingThePasswordEndsEveryTokenAndSessionOfTheAccount() {
    String email = uniqueEmail();
    register(email);
    tools.jackson.databind.JsonNode tokens = login(email);
    String access = tokens.get("accessToken").asString();
    String otherDevice = login(email).get("accessToken").asString();
    Api.Response browser =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    String session = SessionIT.cookie(browser, "SESSION");

    Api.Response wrong =
        api()
            .call("POST", "/api/v1/users/me/password")
            .bearer(access)
            .json("{\"currentPassword\":\"not it\",\"newPassword\":\"another long password\"}")
            .send();
    assertProblem(wrong, 400, "VALIDATION_FAILED");
    assertThat(api().get("/api/v1/users/me", access).status()).isEqualTo(200);

    Api.Response changed =
        api()
            .call("POST", "/api/v1/users/me/password")
            .bearer(access)
            .json(
                "{\"currentPassword\":\""
                    + PASSWORD
                    + "\",\"newPassword\":\"another long password\"}")
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

    assertProblem(api().get("/api/v1/users/me", access), 401, "INVALID_TOKEN");
    assertProblem(api().get("/api/v1/users/me", otherDevice), 401, "INVALID_TOKEN");
    assertProblem(
        SessionIT.withSession(api().call("GET", "/api/v1/users/me"), session).send(),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        api()
            .postJson(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}"),
        401,
        "INVALID_REFRESH_TOKEN");
    assertProblem(
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"),
        401,
        "INVALID_CREDENTIALS");
    Api.Response fresh =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"another long password\"}");
    assertThat(fresh.status()).isEqualTo(200);
    // a login right after the change works at once, even within the same second as the stamp
    assertThat(api().get("/api/v1/users/me", fresh.data().get("accessToken").asString()).status())
        .isEqualTo(200);
  }

  @Test
  void disablingAnAccountInvalidatesEveryTokenIssuedBefore() {
    String adminEmail = uniqueEmail();
    String adminId = register(adminEmail);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", adminId);
    String admin = login(adminEmail).get("accessToken").asString();

    String email = uniqueEmail();
    String id = register(email);
    String first = login(email).get("accessToken").asString();
    String second = login(email).get("accessToken").asString();
    assertThat(api().get("/api/v1/users/me", first).status()).isEqualTo(200);

    assertThat(api().call("POST", "/api/v1/users/" + id + "/disable").bearer(admin).send().status())
        .isEqualTo(200);

    assertProblem(api().get("/api/v1/users/me", first), 401, "INVALID_TOKEN");
    assertProblem(api().get("/api/v1/users/me", second), 401, "INVALID_TOKEN");
    assertThat(api().get("/api/v1/users/me", admin).status())
        .as("other users are unaffected")
        .isEqualTo(200);
  }
}
