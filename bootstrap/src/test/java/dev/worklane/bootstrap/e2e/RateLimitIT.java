package dev.worklane.bootstrap.e2e;

import static dev.worklane.application.port.model.storage.ObjectVisibility.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.out.ObjectStorage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The seed's numbers, shared by every instance (issue #3 §4–7). Loopback is the trusted proxy here,
 * so each test speaks from its own client IPs through {@code X-Forwarded-For}.
 */
@TestPropertySource(properties = "worklane.rate-limit.enabled=true")
class RateLimitIT extends E2eTest {
  /** Each test here needs Redis itself: passing on a fallback would prove nothing. */
  @AfterEach
  void redisWasReallyUsed() {
    assertNoRedisFallbackTaken();
  }

  private static final String PREFIX = TestRedis.uniquePrefix();
  private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

  @LocalManagementPort int managementPort;

  @Autowired ObjectStorage storage;

  @DynamicPropertySource
  static void ownKeySpace(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", () -> PREFIX);
  }

  private static String newIp() {
    int n = NEXT_IP.getAndIncrement();
    return "198.51." + (n / 250) + "." + (n % 250 + 1);
  }

  @Test
  void theSixthLoginInAMinuteIsRefused() {
    String ip = newIp();
    for (int i = 1; i <= 5; i++) {
      Api.Response attempt = login(ip, "nobody@example.com", "not the password");
      assertThat(attempt.status()).as("attempt %d", i).isEqualTo(401);
    }
    Api.Response sixth = login(ip, "nobody@example.com", "not the password");
    assertProblem(sixth, 429, "RATE_LIMITED");
    assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(sixth.header("RateLimit-Policy")).isEqualTo("\"login\";q=5;w=60");
    assertThat(sixth.header("RateLimit")).startsWith("\"login\";r=0;t=");

    assertThat(login(newIp(), "nobody@example.com", "not the password").status())
        .as("another client has its own budget")
        .isEqualTo(401);
  }

  @Test
  void anEncodedPathCannotDodgeTheLoginBudget() {
    String ip = newIp();
    for (int i = 1; i <= 5; i++) {
      Api.Response attempt =
          api()
              .call("POST", i % 2 == 0 ? "/%61pi/v1/auth/login" : "/api/v1/auth/logi%6E")
              .header("X-Forwarded-For", ip)
              .json("{\"email\":\"nobody@example.com\",\"password\":\"not the password\"}")
              .send();
      assertThat(attempt.status()).as("attempt %d", i).isEqualTo(401);
      assertThat(attempt.header("RateLimit-Policy")).isNotNull();
    }
    assertProblem(login(ip, "nobody@example.com", "not the password"), 429, "RATE_LIMITED");
  }

  @Test
  void browserSessionLoginsShareTheLoginBudget() {
    String ip = newIp();
    for (int i = 1; i <= 5; i++) {
      Api.Response attempt =
          api()
              .call("POST", "/api/v1/auth/session")
              .header("X-Forwarded-For", ip)
              .json("{\"email\":\"nobody@example.com\",\"password\":\"not the password\"}")
              .send();
      assertThat(attempt.status()).as("attempt %d", i).isEqualTo(401);
    }
    assertProblem(login(ip, "nobody@example.com", "not the password"), 429, "RATE_LIMITED");
  }

  @Test
  void theFourthRegistrationInAMinuteIsRefused() {
    String ip = newIp();
    for (int i = 1; i <= 3; i++) {
      assertThat(register(ip, uniqueEmail()).status()).as("registration %d", i).isEqualTo(201);
    }
    assertProblem(register(ip, uniqueEmail()), 429, "RATE_LIMITED");
  }

  @Test
  void theFourthPasswordResetRequestForOneAddressInAnHourIsRefusedWhateverItsSpelling() {
    String email = uniqueEmail();
    for (int i = 1; i <= 3; i++) {
      String spelling = i % 2 == 0 ? email.toUpperCase() : email;
      assertThat(passwordReset(newIp(), spelling).status()).as("request %d", i).isEqualTo(202);
    }
    Api.Response refused = passwordReset(newIp(), " " + email.toUpperCase() + " ");
    assertProblem(refused, 429, "RATE_LIMITED");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);
    assertThat(passwordReset(newIp(), uniqueEmail()).status())
        .as("another address has its own budget")
        .isEqualTo(202);
  }

  @Test
  void theTwentyFirstGuestRequestIsRefused() {
    String ip = newIp();
    for (int i = 1; i <= 20; i++) {
      Api.Response response =
          api().call("GET", "/api/v1/users/me").header("X-Forwarded-For", ip).send();
      assertThat(response.status()).as("request %d", i).isEqualTo(401);
      assertThat(response.header("RateLimit-Policy")).isEqualTo("\"guest\";q=20;w=60");
      assertThat(response.header("RateLimit")).startsWith("\"guest\";r=" + (20 - i) + ";t=");
    }
    Api.Response refused =
        api().call("GET", "/api/v1/users/me").header("X-Forwarded-For", ip).send();
    assertProblem(refused, 429, "RATE_LIMITED");
    assertThat(refused.json().get("detail").asString()).contains("guest");
  }

  @Test
  void theHundredAndFirstAuthenticatedRequestIsRefusedCountedPerUserNotPerIp() {
    String email = uniqueEmail();
    assertThat(register(newIp(), email).status()).isEqualTo(201);
    String token = login(newIp(), email, PASSWORD).data().get("accessToken").asString();
    String[] ips = {newIp(), newIp(), newIp(), newIp()};

    for (int i = 1; i <= 100; i++) {
      Api.Response response =
          api()
              .call("GET", "/api/v1/users/me")
              .header("X-Forwarded-For", ips[i % 4])
              .bearer(token)
              .send();
      assertThat(response.status()).as("request %d", i).isEqualTo(200);
    }
    Api.Response refused =
        api()
            .call("GET", "/api/v1/users/me")
            .header("X-Forwarded-For", newIp())
            .bearer(token)
            .send();
    assertProblem(refused, 429, "RATE_LIMITED");
    assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"user\";q=100;w=60");

    String otherEmail = uniqueEmail();
    assertThat(register(newIp(), otherEmail).status()).isEqualTo(201);
    String other = login(newIp(), otherEmail, PASSWORD).data().get("accessToken").asString();
    assertThat(
            api()
                .call("GET", "/api/v1/users/me")
                .header("X-Forwarded-For", ips[0])
                .bearer(other)
                .send()
                .status())
        .as("another user from the same IPs is not limited")
        .isEqualTo(200);
  }

  @Test
  void probesAndKeysAreNotRateLimited() {
    String ip = newIp();
    for (int i = 0; i < 30; i++) {
      assertThat(api().call("GET", "/health").header("X-Forwarded-For", ip).send().status())
          .isEqualTo(200);
    }
    assertThat(
            api().call("GET", "/health").header("X-Forwarded-For", ip).send().header("RateLimit"))
        .isNull();
  }

  /**
   * A page shows dozens of avatars: public objects spend no budget, while signed downloads stay on
   * the guest budget (each one a separate decision to fetch a file).
   */
  @Test
  void publicFilesAreNotRateLimitedButSignedDownloadsAre() {
    String key = "ratelimit/" + java.util.UUID.randomUUID() + "/avatar.png";
    byte[] bytes = {1, 2, 3};
    storage.put(key, new java.io.ByteArrayInputStream(bytes), bytes.length, "image/png", PUBLIC);
    String ip = newIp();
    for (int i = 1; i <= 25; i++) {
      Api.Response avatar =
          api().call("GET", "/files/public/" + key).header("X-Forwarded-For", ip).send();
      assertThat(avatar.status()).as("avatar %d", i).isEqualTo(200);
      assertThat(avatar.header("RateLimit")).isNull();
    }
    assertThat(
            api()
                .call("GET", "/files/public/ratelimit/none.png")
                .header("X-Forwarded-For", ip)
                .send()
                .status())
        .isEqualTo(404);

    URI link =
        storage.presignGet(
            key, Duration.ofMinutes(5), new DownloadDisposition("a.png", "image/png"));
    String download = link.getRawPath() + "?" + link.getRawQuery();
    String other = newIp();
    for (int i = 1; i <= 20; i++) {
      Api.Response response = api().call("GET", download).header("X-Forwarded-For", other).send();
      assertThat(response.status()).as("download %d", i).isEqualTo(200);
      assertThat(response.header("RateLimit-Policy")).isEqualTo("\"guest\";q=20;w=60");
    }
    assertProblem(
        api().call("GET", download).header("X-Forwarded-For", other).send(), 429, "RATE_LIMITED");
  }

  /** Swagger UI loads about ten files: it must not spend (or be refused by) the guest budget. */
  @Test
  void apiDocumentationIsNotRateLimited() {
    String ip = newIp();
    for (int i = 0; i < 25; i++) {
      for (String path : List.of("/v3/api-docs/v1", "/swagger-ui/index.html")) {
        Api.Response response = api().call("GET", path).header("X-Forwarded-For", ip).send();
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("RateLimit")).as(path).isNull();
      }
    }
  }

  @Test
  void anIpv6ClientCountsByItsSlash64() {
    String net = "2001:db8:" + Integer.toHexString(NEXT_IP.getAndIncrement()) + ":1:";
    for (int i = 1; i <= 5; i++) {
      Api.Response attempt = login(net + ":" + i, "nobody@example.com", "not the password");
      assertThat(attempt.status()).as("attempt %d", i).isEqualTo(401);
    }
    assertProblem(
        login(net + "ffff:0:0:9", "nobody@example.com", "not the password"), 429, "RATE_LIMITED");
    assertThat(
            login(net.replace(":1:", ":2:") + ":1", "nobody@example.com", "not the password")
                .status())
        .as("the neighbouring /64 is another client")
        .isEqualTo(401);
  }

  @Test
  void thePasswordChangeHasALoginGradeBudgetPerUser() {
    String email = uniqueEmail();
    assertThat(register(newIp(), email).status()).isEqualTo(201);
    String token = login(newIp(), email, PASSWORD).data().get("accessToken").asString();
    String wrongCurrent =
        "{\"currentPassword\":\"not the password\",\"newPassword\":\"another long password\"}";
    for (int i = 1; i <= 5; i++) {
      Api.Response attempt =
          api()
              .call("POST", "/api/v1/users/me/password")
              .header("X-Forwarded-For", newIp())
              .bearer(token)
              .json(wrongCurrent)
              .send();
      assertThat(attempt.status()).as("attempt %d", i).isEqualTo(400);
      assertThat(attempt.header("RateLimit-Policy")).isEqualTo("\"password-change\";q=5;w=60");
    }
    Api.Response refused =
        api()
            .call("POST", "/api/v1/users/me/password")
            .header("X-Forwarded-For", newIp())
            .bearer(token)
            .json(wrongCurrent)
            .send();
    assertProblem(refused, 429, "RATE_LIMITED");
    assertThat(refused.json().get("detail").asString()).contains("password-change");
    assertThat(
            api()
                .call("GET", "/api/v1/users/me")
                .header("X-Forwarded-For", newIp())
                .bearer(token)
                .send()
                .status())
        .as("other requests of the user are not affected")
        .isEqualTo(200);
  }

  @Test
  void prometheusOnTheManagementPortIsNeverRateLimited() {
    Api management = new Api(managementPort);
    for (int i = 1; i <= 105; i++) {
      Api.Response scrape = management.call("GET", "/actuator/prometheus").send();
      assertThat(scrape.status()).as("scrape %d", i).isEqualTo(200);
      assertThat(scrape.header("RateLimit")).isNull();
    }
  }

  @Test
  void twoInstancesShareOneBudget() {
    ConfigurableApplicationContext other =
        startAnotherInstance(
            TestRedis.url(), PREFIX, Map.of("worklane.rate-limit.enabled", "true"));
    try {
      Api second = new Api(portOf(other));
      String ip = newIp();
      for (int i = 1; i <= 3; i++) {
        assertThat(login(ip, "nobody@example.com", "wrong password").status()).isEqualTo(401);
      }
      for (int i = 1; i <= 2; i++) {
        Api.Response there =
            second
                .call("POST", "/api/v1/auth/login")
                .header("X-Forwarded-For", ip)
                .json("{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}")
                .send();
        assertThat(there.status()).isEqualTo(401);
      }
      assertProblem(login(ip, "nobody@example.com", "wrong password"), 429, "RATE_LIMITED");
      Api.Response alsoThere =
          second
              .call("POST", "/api/v1/auth/login")
              .header("X-Forwarded-For", ip)
              .json("{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}")
              .send();
      assertProblem(alsoThere, 429, "RATE_LIMITED");
    } finally {
      other.close();
    }
  }

  private Api.Response login(String ip, String email, String password) {
    return api()
        .call("POST", "/api/v1/auth/login")
        .header("X-Forwarded-For", ip)
        .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .send();
  }

  private Api.Response passwordReset(String ip, String email) {
    return api()
        .call("POST", "/api/v1/auth/password-reset")
        .header("X-Forwarded-For", ip)
        .json("{\"email\":\"" + email + "\"}")
        .send();
  }

  private Api.Response register(String ip, String email) {
    return api()
        .call("POST", "/api/v1/auth/register")
        .header("X-Forwarded-For", ip)
        .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
        .send();
  }
}
