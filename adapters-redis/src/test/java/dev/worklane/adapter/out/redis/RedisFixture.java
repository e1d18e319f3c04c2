package dev.worklane.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Connections on the shared test Redis (own prefix) or on a dedicated server. */
public final class RedisFixture {
  private RedisFixture() {}

  public static RedisConnections connections(String url, String prefix, Duration circuitOpenFor) {
    return new RedisConnections(
        new RedisSettings(url, null, 0, 1, prefix, Duration.ofMillis(500), circuitOpenFor),
        Clock.systemUTC());
  }

  public static RedisConnections shared(String prefix) {
    return connections(TestRedis.url(), prefix, Duration.ofSeconds(5));
  }

  /**
   * Connections on the deployment the run is configured for: the Redisson YAML of {@code
   * WORKLANE_TEST_REDIS_CONFIG_FILE} when set (e.g. a Redis Cluster: database 0 only, this test's
   * keys kept apart by its prefix), else the {@link #shared shared server}. For tests that need
   * only their own keys, like the job engine's.
   */
  public static RedisConnections configured(String prefix) {
    String configFile = TestRedis.configFile();
    if (configFile == null) {
      return shared(prefix);
    }
    return new RedisConnections(
        new RedisSettings(
            null, configFile, 0, 1, prefix, Duration.ofMillis(500), Duration.ofSeconds(5)),
        Clock.systemUTC());
  }

  /**
   * Every adapter answers from a fallback when Redis fails, so a test can pass on the fallback
   * alone. This proves it did not: no Redis call failed and no adapter counted a fallback.
   */
  public static void assertNoFallbackTaken(MeterRegistry meters, List<RedisConnections> used) {
    for (RedisConnections connections : used) {
      assertThat(connections.cacheBreaker().failures()).as("failed cache-database calls").isZero();
      assertThat(connections.sessionBreaker().failures())
          .as("failed session-database calls")
          .isZero();
      assertThat(connections.queueBreaker().failures()).as("failed queue-database calls").isZero();
    }
    for (String fallback : FALLBACK_METERS) {
      double count = meters.find(fallback).counters().stream().mapToDouble(Counter::count).sum();
      assertThat(count).as(fallback).isZero();
    }
  }

  /** What the adapters count when they answer without Redis. */
  public static final List<String> FALLBACK_METERS =
      List.of(
          "worklane.ratelimit.fallback",
          "worklane.cache.errors",
          "worklane.auth.revocation.errors");
}
