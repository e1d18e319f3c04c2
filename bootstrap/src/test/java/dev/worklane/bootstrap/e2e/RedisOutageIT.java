package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis goes away mid-test (a dedicated server is stopped): reads keep answering from PostgreSQL,
 * the limiter falls back to memory, /ready says 503 and /health stays 200 (issue #3 §3, §6, §13).
 */
@TestPropertySource(
    properties = {"worklane.rate-limit.enabled=true", "worklane.redis.circuit-open-for=1s"})
class RedisOutageIT extends E2eTest {
  private static final TestRedis.Dedicated REDIS = TestRedis.dedicated();

  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void dedicatedRedis(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", REDIS::url);
    registry.add("worklane.redis.key-prefix", TestRedis::uniquePrefix);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @Test
  void aSessionRequestGets503NotA401WhileTheSessionStoreIsDown() {
    String email = uniqueEmail();
    register(email);
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    String session = SessionIT.cookie(login, "SESSION");

    REDIS.stop();
    try {
      Api.Response me =
          api().call("GET", "/api/v1/users/me").header("Cookie", "SESSION=" + session).send();
      assertProblem(me, 503, "SESSION_STORE_UNAVAILABLE");
      assertThat(me.header("Retry-After")).isEqualTo("5");
    } finally {
      REDIS.start();
    }
  }

  @Test
  void readsKeepWorkingFromPostgresWhileRedisIsDown() {
    String token = newUserToken();
    Api.Response warm = api().get("/api/v1/users/me", token);
    assertThat(warm.status()).isEqualTo(200);
    assertThat(api().get("/api/v1/users/me", token).status()).isEqualTo(200); // cache hit
    assertThat(api().get("/ready", null).status()).isEqualTo(200);

    REDIS.stop();
    try {
      for (int i = 0; i < 5; i++) {
        Api.Response me = api().get("/api/v1/users/me", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().get("id").asString()).isEqualTo(warm.data().get("id").asString());
        assertThat(me.header("RateLimit")).as("the in-memory limiter still answers").isNotNull();
      }
      // /ready reuses its result for a second: the outage shows within about that.
      Api.Response ready =
          await()
              .atMost(Duration.ofSeconds(5))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> api().get("/ready", null), r -> r.status() == 503);
      assertThat(ready.json().get("checks").get("redis").asString()).isEqualTo("DOWN");
      assertThat(api().get("/health", null).status()).isEqualTo(200);
      assertThat(meters.get("worklane.cache.errors").counters())
          .as("cache failures are metered")
          .anySatisfy(c -> assertThat(c.count()).isPositive());
      assertThat(meters.get("worklane.ratelimit.fallback").counters())
          .anySatisfy(c -> assertThat(c.count()).isPositive());
    } finally {
      REDIS.start();
    }
  }
}
