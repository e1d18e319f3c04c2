package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.out.PasswordHasher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A password change or a disable racing a login, a browser-session login or another change (issue
 * #6 §4–5). Each race is made deterministic by a gate in the password hasher: the racing request is
 * held right after it read the account, the change runs to completion, then the request goes on —
 * the interleaving that used to leave a live token, session or re-activated account behind.
 */
@Import(RevocationRaceIT.Gates.class)
class RevocationRaceIT extends E2eTest {
  static final String NEW_PASSWORD = "a different long password";
  static final String NEW_PASSWORD_JSON =
      "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}";

  @Autowired JdbcTemplate jdbc;
  @Autowired Gate gate;

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
  void aLoginThatReadTheAccountBeforeAPasswordChangeGetsNoTokenThatLasts() throws Exception {
    String email = uniqueEmail();
    register(email);
    String changer = login(email).get("accessToken").asString();

    gate.holdNext("matches");
    CompletableFuture<Api.Response> racingLogin =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .postJson(
                        "/api/v1/auth/login",
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
    gate.awaitHeld();
    changePassword(changer);
    gate.release();

    Api.Response login = racingLogin.get(30, TimeUnit.SECONDS);
    assertThat(login.status()).as("the old password was right when it was checked").isEqualTo(200);
    JsonNode tokens = login.data();
    assertProblem(
        api().get("/api/v1/users/me", tokens.get("accessToken").asString()), 401, "INVALID_TOKEN");
    assertProblem(
        api()
            .postJson(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}"),
        401,
        "INVALID_REFRESH_TOKEN");
  }

  @Test
  void aBrowserLoginThatReadTheAccountBeforeAPasswordChangeGetsNoLiveSession() throws Exception {
    String email = uniqueEmail();
    register(email);
    String changer = login(email).get("accessToken").asString();

    gate.holdNext("matches");
    CompletableFuture<Api.Response> racingLogin =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .postJson(
                        "/api/v1/auth/session",
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
    gate.awaitHeld();
    changePassword(changer);
    gate.release();

    Api.Response login = racingLogin.get(30, TimeUnit.SECONDS);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    String session = SessionIT.cookie(login, "SESSION");
    Api.Response me =
        api().call("GET", "/api/v1/users/me").header("Cookie", "SESSION=" + session).send();
    assertProblem(me, 401, "UNAUTHENTICATED");
  }

  @Test
  void aPasswordChangeThatStartedBeforeADisableCannotReactivateTheAccount() throws Exception {
    String admin = adminToken();
    String email = uniqueEmail();
    String id = register(email);
    String victim = login(email).get("accessToken").asString();

    gate.holdNext("hash"); // the password change has read the account and hashes the new one
    CompletableFuture<Api.Response> change =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .call("POST", "/api/v1/users/me/password")
                    .bearer(victim)
                    .json(NEW_PASSWORD_JSON)
                    .send());
    gate.awaitHeld();
    Api.Response disabled =
        api().call("POST", "/api/v1/users/" + id + "/disable").bearer(admin).send();
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    gate.release();

    assertProblem(change.get(30, TimeUnit.SECONDS), 409, "CONCURRENT_MODIFICATION");
    assertThat(jdbc.queryForObject("select status from users where id = ?::uuid", String.class, id))
        .isEqualTo("DISABLED");
    for (String password : new String[] {PASSWORD, NEW_PASSWORD}) {
      assertProblem(
          api()
              .postJson(
                  "/api/v1/auth/login",
                  "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
          401,
          "INVALID_CREDENTIALS");
    }
  }

  private void changePassword(String token) {
    Api.Response changed =
        api()
            .call("POST", "/api/v1/users/me/password")
            .bearer(token)
            .json(NEW_PASSWORD_JSON)
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
  }

  private String adminToken() {
    String adminEmail = uniqueEmail();
    String adminId = register(adminEmail);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", adminId);
    return login(adminEmail).get("accessToken").asString();
  }

  /** Holds the next call of one hasher method until the test releases it. */
  static final class Gate {
    private final AtomicReference<String> armed = new AtomicReference<>();
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    void holdNext(String method) {
      held = new CountDownLatch(1);
      released = new CountDownLatch(1);
      armed.set(method);
    }

    void passing(String method) {
      if (armed.compareAndSet(method, null)) {
        held.countDown();
        await(released);
      }
    }

    void awaitHeld() {
      await(held);
    }

    void release() {
      released.countDown();
    }

    void reset() {
      armed.set(null);
      released.countDown();
    }

    private static void await(CountDownLatch latch) {
      try {
        if (!latch.await(20, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate not reached in time");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Gates {
    @Bean
    Gate gate() {
      return new Gate();
    }

    @Bean
    static BeanPostProcessor gatedPasswordHasher(
        org.springframework.beans.factory.ObjectProvider<Gate> gates) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof PasswordHasher hasher)) {
            return bean;
          }
          return new PasswordHasher() {
            @Override
            public String hash(dev.worklane.domain.user.Password password) {
              gates.getObject().passing("hash");
              return hasher.hash(password);
            }

            @Override
            public boolean matches(String rawPassword, String hash) {
              boolean matches = hasher.matches(rawPassword, hash);
              gates.getObject().passing("matches");
              return matches;
            }

            @Override
            public void matchAgainstDummy(String rawPassword) {
              hasher.matchAgainstDummy(rawPassword);
            }
          };
        }
      };
    }
  }
}
