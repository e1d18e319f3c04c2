package dev.worklane.adapter.out.redis;

import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.time.Clock;
import java.time.Duration;

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
}
