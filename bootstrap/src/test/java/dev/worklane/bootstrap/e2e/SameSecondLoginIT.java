package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Logging in again right after a password change, a reset or a role change — as the README tells
 * users to, and clients do at once — gets a token and a session that work, while whatever was
 * issued before the change stays refused, all within one second (issue 12 item 9). The
 * application's clock never leaves one second here, so both sides of the boundary are in it
 * deterministically; the gated hasher of {@link RevocationRaceIT} holds a login that read the
 * account before the change.
 */
@Import({RevocationRaceIT.Gates.class, SameSecondLoginIT.OneSecond.class})
class SameSecondLoginIT extends E2eTest {
  static final String NEW_PASSWORD = RevocationRaceIT.NEW_PASSWORD;

  @Autowired JdbcTemplate jdbc;
  @Autowired RevocationRaceIT.Gate gate;
  @Autowired SameSecondClock clock;
  final Mailbox mailbox = new Mailbox(DATA_DIR);

  @DynamicPropertySource
  static void ownRedisKeys(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", TestRedis::uniquePrefix);
  }

  @AfterEach
  void openTheGate() {
    gate.reset();
  }

  @Test
  void afterAPasswordChangeANewLoginWorksAndEverythingIssuedBeforeStaysRefused() throws Exception {
    long second = clock.startNewSecond();
    String email = uniqueEmail();
    register(email);
    JsonNode before = login(email);
    String sessionBefore = browserLogin(email, PASSWORD);

    gate.holdNext("matches");
    CompletableFuture<Api.Response> racingLogin =
        CompletableFuture.supplyAsync(() -> loginWith(email, PASSWORD));
    gate.awaitHeld();
    Api.Response changed =
        api()
            .call("POST", "/api/v1/users/me/password")
            .bearer(before.get("accessToken").asString())
            .json(RevocationRaceIT.NEW_PASSWORD_JSON)
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    gate.release();
    Api.Response raced = racingLogin.get(30, TimeUnit.SECONDS);
    assertThat(raced.status()).as("the old password was right when it was read").isEqualTo(200);

    Api.Response after = loginWith(email, NEW_PASSWORD);
    assertThat(after.status()).as(after.toString()).isEqualTo(200);
    String sessionAfter = browserLogin(email, NEW_PASSWORD);

    assertWorks(after.data().get("accessToken").asString(), "the login right after the change");
    assertSessionWorks(sessionAfter);
    assertRefused(before.get("accessToken").asString(), "the token issued before the change");
    assertRefused(raced.data().get("accessToken").asString(), "the login that read it before");
    assertSessionRefused(sessionBefore);
    assertThat(refresh(raced.data()).status()).isEqualTo(401);
    Api.Response refreshed = refresh(after.data());
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertWorks(refreshed.data().get("accessToken").asString(), "its refreshed token");
    assertThat(clock.currentSecond()).as("all of it within one second").isEqualTo(second);
  }

  @Test
  void afterARoleChangeTheUsersNewLoginWorksAndTheOldTokenStaysRefused() {
    long second = clock.startNewSecond();
    String adminEmail = uniqueEmail();
    String adminId = register(adminEmail);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", adminId);
    String admin = login(adminEmail).get("accessToken").asString();
    String email = uniqueEmail();
    String id = register(email);
    String before = login(email).get("accessToken").asString();
    String sessionBefore = browserLogin(email, PASSWORD);

    Api.Response changed =
        api()
            .call("PATCH", "/api/v1/users/" + id + "/roles")
            .bearer(admin)
            .json("{\"roles\":[\"USER\",\"MANAGER\"]}")
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

    Api.Response after = loginWith(email, PASSWORD);
    assertThat(after.status()).isEqualTo(200);
    assertWorks(after.data().get("accessToken").asString(), "the login right after the change");
    assertSessionWorks(browserLogin(email, PASSWORD));
    assertRefused(before, "the token issued before the change");
    assertSessionRefused(sessionBefore);
    assertThat(clock.currentSecond()).as("all of it within one second").isEqualTo(second);
  }

  @Test
  void afterAPasswordResetANewLoginWorksAndTheOldTokenStaysRefused() {
    long second = clock.startNewSecond();
    String email = uniqueEmail();
    register(email);
    String before = login(email).get("accessToken").asString();
    assertThat(
            api().postJson("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status())
        .isEqualTo(202);
    String token =
        Mailbox.resetToken(mailbox.awaitMail(email, "Reset your Worklane password", 1).get(0));
    Api.Response confirmed =
        api()
            .postJson(
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

    Api.Response after = loginWith(email, NEW_PASSWORD);
    assertThat(after.status()).isEqualTo(200);
    assertWorks(after.data().get("accessToken").asString(), "the login right after the reset");
    assertSessionWorks(browserLogin(email, NEW_PASSWORD));
    assertRefused(before, "the token issued before the reset");
    assertThat(clock.currentSecond()).as("all of it within one second").isEqualTo(second);
  }

  private Api.Response loginWith(String email, String password) {
    return api()
        .postJson(
            "/api/v1/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  private String browserLogin(String email, String password) {
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return SessionIT.cookie(login, "SESSION");
  }

  private Api.Response refresh(JsonNode tokens) {
    return api()
        .postJson(
            "/api/v1/auth/refresh",
            "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
  }

  private void assertWorks(String token, String what) {
    Api.Response me = api().get("/api/v1/users/me", token);
    assertThat(me.status()).as(what + ": " + me).isEqualTo(200);
  }

  private void assertRefused(String token, String what) {
    Api.Response me = api().get("/api/v1/users/me", token);
    assertThat(me.status()).as(what + ": " + me).isEqualTo(401);
    assertProblem(me, 401, "INVALID_TOKEN");
  }

  private void assertSessionWorks(String session) {
    Api.Response me = SessionIT.withSession(api().call("GET", "/api/v1/users/me"), session).send();
    assertThat(me.status()).as("the browser session opened right after: " + me).isEqualTo(200);
  }

  private void assertSessionRefused(String session) {
    assertProblem(
        SessionIT.withSession(api().call("GET", "/api/v1/users/me"), session).send(),
        401,
        "UNAUTHENTICATED");
  }

  /**
   * A clock that stays within one second: every reading is one microsecond after the previous one,
   * so the order of events is kept while the second does not change. Each test starts a new second
   * (the next one after every earlier reading, at most a few seconds ahead of the real time).
   */
  static final class SameSecondClock extends Clock {
    private final AtomicLong micros =
        new AtomicLong(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));

    long startNewSecond() {
      return micros.updateAndGet(at -> (at / 1_000_000 + 1) * 1_000_000) / 1_000_000;
    }

    long currentSecond() {
      return micros.get() / 1_000_000;
    }

    @Override
    public Instant instant() {
      long at = micros.incrementAndGet();
      return Instant.ofEpochSecond(at / 1_000_000, (at % 1_000_000) * 1_000);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      if (zone.equals(ZoneOffset.UTC)) {
        return this;
      }
      throw new UnsupportedOperationException("UTC only");
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class OneSecond {
    @Bean
    @Primary
    SameSecondClock sameSecondClock() {
      return new SameSecondClock();
    }
  }
}
