package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed logins per account and client (issue #6 §8). The per-IP login budget is raised here so
 * that what refuses is the per-account budget, set to 3 to show it is configurable.
 */
@TestPropertySource(
    properties = {
      "worklane.rate-limit.enabled=true",
      "worklane.rate-limit.limits.login.capacity=50",
      "worklane.rate-limit.limits.login-account.capacity=3"
    })
class LoginThrottleIT extends E2eTest {
  private static final String PREFIX = TestRedis.uniquePrefix();
  private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

  @DynamicPropertySource
  static void ownKeySpace(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", () -> PREFIX);
  }

  @AfterEach
  void redisWasReallyUsed() {
    assertNoRedisFallbackTaken();
  }

  private static String newIp() {
    int n = NEXT_IP.getAndIncrement();
    return "192.0.2." + n;
  }

  @Test
  void aGuessingClientIsRefusedWhileTheOwnerLogsInFromElsewhere() {
    String email = uniqueEmail();
    registerFrom(newIp(), email);
    String attacker = newIp();
    for (int i = 1; i <= 3; i++) {
      assertProblem(loginFrom(attacker, email, "not the password"), 401, "INVALID_CREDENTIALS");
    }

    Api.Response refused = loginFrom(attacker, email, PASSWORD);
    assertProblem(refused, 429, "RATE_LIMITED");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
    assertThat(refused.json().get("detail").asString()).contains("login-account");
    assertThat(contextMeters.counter("worklane.auth.login.failures", "reason", "throttled").count())
        .isPositive();

    String owner = newIp();
    assertThat(loginFrom(owner, email, PASSWORD).status())
        .as("the owner's token login")
        .isEqualTo(200);
    Api.Response session =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("X-Forwarded-For", owner)
            .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
            .send();
    assertThat(session.status()).as("the owner's browser login").isEqualTo(200);
  }

  @Test
  void theBudgetIsPerNormalisedEmailAndSharedByBothLoginEndpoints() {
    String email = uniqueEmail();
    registerFrom(newIp(), email);
    String attacker = newIp();
    assertProblem(
        loginFrom(attacker, email.toUpperCase(), "not the password"), 401, "INVALID_CREDENTIALS");
    assertProblem(loginFrom(attacker, " " + email, "not the password"), 401, "INVALID_CREDENTIALS");
    Api.Response viaSession =
        api()
            .call("POST", "/api/v1/auth/session")
            .header("X-Forwarded-For", attacker)
            .json("{\"email\":\"" + email + "\",\"password\":\"not the password\"}")
            .send();
    assertProblem(viaSession, 401, "INVALID_CREDENTIALS");
    assertProblem(loginFrom(attacker, email, "not the password"), 429, "RATE_LIMITED");
  }

  @Test
  void anIpv6GuesserCannotRenewTheBudgetByChangingAddressWithinItsSlash64() {
    String email = uniqueEmail();
    registerFrom(newIp(), email);
    for (int i = 1; i <= 3; i++) {
      assertProblem(
          loginFrom("2001:db8:77::" + i, email, "not the password"), 401, "INVALID_CREDENTIALS");
    }
    assertProblem(loginFrom("2001:db8:77::ffff:1", email, "not the password"), 429, "RATE_LIMITED");
    assertThat(loginFrom("2001:db8:78::1", email, PASSWORD).status()).isEqualTo(200);
  }

  private Api.Response loginFrom(String ip, String email, String password) {
    return api()
        .call("POST", "/api/v1/auth/login")
        .header("X-Forwarded-For", ip)
        .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .send();
  }

  private void registerFrom(String ip, String email) {
    Api.Response response =
        api()
            .call("POST", "/api/v1/auth/register")
            .header("X-Forwarded-For", ip)
            .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
            .send();
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }
}
