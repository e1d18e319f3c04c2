package dev.worklane.adapter.out.redis.cache;

import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside in Redis: JSON values under {@code <prefix>cache:<namespace>:<id>} with a TTL per
 * namespace (SPEC §6.1). Never fails a request: on any Redis error it answers "miss" / does
 * nothing, counts {@code worklane.cache.errors} (operation get/put/evict, or "skipped" while the
 * circuit is open) and lets the circuit breaker skip Redis for a while.
 */
public final class RedisCacheAdapter implements Cache {
  private final RedissonClient redis;
  private final String prefix;
  private final Duration defaultTtl;
  private final Map<String, Duration> ttlByNamespace;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public RedisCacheAdapter(
      RedissonClient redis,
      String keyPrefix,
      Duration defaultTtl,
      Map<String, Duration> ttlByNamespace,
      JsonMapper json,
      MeterRegistry meters,
      CircuitBreaker breaker) {
    this.redis = redis;
    this.prefix = keyPrefix + "cache:";
    this.defaultTtl = defaultTtl;
    this.ttlByNamespace = Map.copyOf(ttlByNamespace);
    this.json = json;
    this.meters = meters;
    this.breaker = breaker;
  }

  @Override
  public <T> Optional<T> get(CacheKey key, Class<T> type) {
    if (!breaker.allows()) {
      // Redis is known to be down: read through, and meter it like a failure.
      counter("worklane.cache.errors", "operation", "skipped", "", "").increment();
      return miss(key);
    }
    String value;
    try {
      value = bucket(key).get();
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("get", e);
      return miss(key);
    }
    if (value == null) {
      return miss(key);
    }
    try {
      T decoded = json.readValue(value, type);
      counter("worklane.cache.requests", "namespace", key.namespace(), "result", "hit").increment();
      return Optional.of(decoded);
    } catch (JacksonException e) {
      // An entry written by an older shape of the class: drop it and read through.
      evict(key);
      return miss(key);
    }
  }

  @Override
  public void put(CacheKey key, Object value) {
    if (!breaker.allows()) {
      return;
    }
    try {
      bucket(key).set(json.writeValueAsString(value), ttlOf(key));
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("put", e);
    }
  }

  @Override
  public void evict(CacheKey key) {
    if (!breaker.allows()) {
      return;
    }
    try {
      bucket(key).delete();
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("evict", e);
    }
  }

  Duration ttlOf(CacheKey key) {
    return ttlByNamespace.getOrDefault(key.namespace(), defaultTtl);
  }

  private RBucket<String> bucket(CacheKey key) {
    return redis.getBucket(prefix + key, StringCodec.INSTANCE);
  }

  private <T> Optional<T> miss(CacheKey key) {
    counter("worklane.cache.requests", "namespace", key.namespace(), "result", "miss").increment();
    return Optional.empty();
  }

  /** Registry lookups build ids and tags on every call; the hot path reuses the counters. */
  private Counter counter(String name, String k1, String v1, String k2, String v2) {
    return counters.computeIfAbsent(
        name + '|' + v1 + '|' + v2,
        id -> k2.isEmpty() ? meters.counter(name, k1, v1) : meters.counter(name, k1, v1, k2, v2));
  }

  private void failed(String operation, RuntimeException e) {
    counter("worklane.cache.errors", "operation", operation, "", "").increment();
    breaker.recordFailure("cache." + operation, e);
  }
}
