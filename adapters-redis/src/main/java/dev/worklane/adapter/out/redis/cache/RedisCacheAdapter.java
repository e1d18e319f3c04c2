package dev.worklane.adapter.out.redis.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RBucket;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.redisson.client.codec.StringCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside in Redis: JSON values under {@code <prefix>cache:<namespace>:<id>} with a TTL per
 * namespace (SPEC §6.1). Never fails a request: on any Redis error it answers "miss" / does
 * nothing, counts {@code worklane.cache.errors} (operation get/put/evict, or "skipped" while the
 * circuit is open) and lets the circuit breaker skip Redis for a while.
 *
 * <p>In front of Redis sits a small near cache per instance (decoded values, {@code nearTtl}), so a
 * hot read costs no Redis round trip. Every eviction is published on {@code
 * <prefix>cache:invalidations} and drops the entry on every instance within milliseconds; a value
 * read from Redis while an invalidation arrived is not kept near; the near cache is cleared when
 * the subscription is (re)established and is bypassed while Redis is failing (invalidations may be
 * missed then). {@code nearTtl} bounds staleness should a message still be lost.
 */
public final class RedisCacheAdapter implements Cache {
  private static final int NEAR_ENTRIES = 10_000;

  private final RedissonClient redis;
  private final String prefix;
  private final Duration defaultTtl;
  private final Map<String, Duration> ttlByNamespace;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final com.github.benmanes.caffeine.cache.Cache<String, Object> near;
  private final RTopic invalidations;
  private final AtomicLong invalidationsSeen = new AtomicLong();
  private volatile boolean subscribed;

  public RedisCacheAdapter(
      RedissonClient redis,
      String keyPrefix,
      Duration defaultTtl,
      Map<String, Duration> ttlByNamespace,
      Duration nearTtl,
      JsonMapper json,
      MeterRegistry meters,
      CircuitBreaker breaker) {
    this.redis = redis;
    this.prefix = keyPrefix + "cache:";
    this.defaultTtl = defaultTtl;
    this.ttlByNamespace = Map.copyOf(ttlByNamespace);
    // The API's mapper refuses unknown properties; a cached record carries derived ones too (an
    // isOwner() method is written as "owner") that its constructor does not take: ignore them.
    this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.meters = meters;
    this.breaker = breaker;
    if (nearTtl.isPositive()) {
      this.near = Caffeine.newBuilder().maximumSize(NEAR_ENTRIES).expireAfterWrite(nearTtl).build();
      this.invalidations = redis.getTopic(prefix + "invalidations", StringCodec.INSTANCE);
      subscribe();
    } else {
      this.near = null;
      this.invalidations = null;
    }
  }

  /**
   * Lazy like the rest of the client: when Redis is down at start, the listeners are registered
   * once it answers (Redisson re-subscribes by itself after that).
   */
  private void subscribe() {
    try {
      invalidations.addListener(
          new BaseStatusListener() {
            @Override
            public void onSubscribe(String channel) {
              dropNear(); // messages may have been missed while unsubscribed
            }
          });
      invalidations.addListener(
          String.class,
          (channel, key) -> {
            invalidationsSeen.incrementAndGet();
            near.invalidate(key);
          });
      subscribed = true;
    } catch (RuntimeException e) {
      failed("subscribe", e);
    }
  }

  private boolean nearUsable() {
    if (near == null) {
      return false;
    }
    if (!subscribed && breaker.allows()) {
      subscribe();
    }
    return subscribed && !breaker.isFailing();
  }

  private void dropNear() {
    invalidationsSeen.incrementAndGet();
    near.invalidateAll();
  }

  @Override
  public <T> Optional<T> get(CacheKey key, Class<T> type) {
    if (!breaker.allows()) {
      // Redis is known to be down: read through, and meter it like a failure.
      counter("worklane.cache.errors", "operation", "skipped", "", "").increment();
      return miss(key);
    }
    String id = key.toString();
    boolean useNear = nearUsable();
    if (useNear) {
      Object local = near.getIfPresent(id);
      if (type.isInstance(local)) {
        return hit(key, type.cast(local));
      }
    }
    long seen = invalidationsSeen.get();
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
      if (useNear && invalidationsSeen.get() == seen) {
        near.put(id, decoded);
      }
      return hit(key, decoded);
    } catch (JacksonException e) {
      // An entry written by an older shape of the class: drop it and read through (metered: an
      // entry that never decodes costs a round trip per read and must be visible).
      counter("worklane.cache.errors", "operation", "decode", "", "").increment();
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

  private <T> Optional<T> hit(CacheKey key, T value) {
    counter("worklane.cache.requests", "namespace", key.namespace(), "result", "hit").increment();
    return Optional.of(value);
  }

  @Override
  public void evict(CacheKey key) {
    if (near != null) {
      invalidationsSeen.incrementAndGet();
      near.invalidate(key.toString());
    }
    if (!breaker.allows()) {
      return;
    }
    try {
      bucket(key).delete();
      if (invalidations != null) {
        invalidations.publish(key.toString());
      }
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
    if (near != null) {
      dropNear(); // invalidations may be lost until Redis answers again
    }
    counter("worklane.cache.errors", "operation", operation, "", "").increment();
    breaker.recordFailure("cache." + operation, e);
  }
}
