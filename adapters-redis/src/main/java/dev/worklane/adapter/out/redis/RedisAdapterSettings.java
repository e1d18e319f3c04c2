package dev.worklane.adapter.out.redis;

import dev.worklane.adapter.out.redis.queue.QueueSettings;
import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the Redis adapter needs, mapped from configuration by bootstrap.
 *
 * @param connection where Redis is, key prefix, timeouts
 * @param cacheEnabled false: the cache port does nothing ({@code NoOpCacheAdapter})
 * @param cacheDefaultTtl TTL of cache entries whose namespace has none of its own
 * @param cacheTtlByNamespace TTL per cache namespace ({@code users → 10m})
 * @param cacheNearTtl how long an instance keeps a value it read in memory (0: not at all)
 * @param rateLimits budget per scope
 * @param revocationRetention how long "not before" stamps are kept
 * @param queues the job engine: workers, concurrency, retention, leases (null: the defaults)
 */
public record RedisAdapterSettings(
    RedisSettings connection,
    boolean cacheEnabled,
    Duration cacheDefaultTtl,
    Map<String, Duration> cacheTtlByNamespace,
    Duration cacheNearTtl,
    RateLimitSettings rateLimits,
    Duration revocationRetention,
    QueueSettings queues) {

  public RedisAdapterSettings {
    cacheTtlByNamespace = cacheTtlByNamespace == null ? Map.of() : Map.copyOf(cacheTtlByNamespace);
    cacheNearTtl = cacheNearTtl == null ? Duration.ZERO : cacheNearTtl;
    queues = queues == null ? QueueSettings.defaults() : queues;
  }

  /** Without queue settings: the engine's defaults. */
  public RedisAdapterSettings(
      RedisSettings connection,
      boolean cacheEnabled,
      Duration cacheDefaultTtl,
      Map<String, Duration> cacheTtlByNamespace,
      Duration cacheNearTtl,
      RateLimitSettings rateLimits,
      Duration revocationRetention) {
    this(
        connection,
        cacheEnabled,
        cacheDefaultTtl,
        cacheTtlByNamespace,
        cacheNearTtl,
        rateLimits,
        revocationRetention,
        null);
  }
}
