package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** X-Forwarded-For counts only from a trusted proxy: here loopback is NOT trusted (issue #3 §5). */
@TestPropertySource(
    properties = {
      "worklane.rate-limit.enabled=true",
      "server.tomcat.remoteip.internal-proxies=10\\\\.255\\\\.255\\\\.254"
    })
class SpoofedForwardedForIT extends E2eTest {
  private static final String PREFIX = TestRedis.uniquePrefix();

  @DynamicPropertySource
  static void ownKeySpace(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", () -> PREFIX);
  }

  @Test
  void aSpoofedHeaderFromAnUntrustedPeerDoesNotBuyANewBudget() {
    for (int i = 1; i <= 20; i++) {
      Api.Response response =
          api().call("GET", "/api/v1/users/me").header("X-Forwarded-For", "203.0.113." + i).send();
      assertThat(response.status()).as("request %d", i).isEqualTo(401);
    }
    Api.Response refused =
        api().call("GET", "/api/v1/users/me").header("X-Forwarded-For", "203.0.113.99").send();
    assertProblem(refused, 429, "RATE_LIMITED");
  }

  @Test
  void hstsIsNotTriggeredByAnUntrustedForwardedProto() {
    Api.Response response =
        api().call("GET", "/health").header("X-Forwarded-Proto", "https").send();
    assertThat(response.header("Strict-Transport-Security")).isNull();
  }
}
