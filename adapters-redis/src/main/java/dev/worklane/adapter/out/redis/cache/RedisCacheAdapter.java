package dev.worklane.adapter.out.redis.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside in Redis: each entry is a hash under {@code <prefix>cache:<namespace>:<id>} holding
 * the JSON value ({@code v}) and a version ({@code n}) that every eviction increments, with a TTL
 * per namespace (README, "Configuration"). A miss hands its version to the caller, and {@link #put}
 * writes only if it is unchanged: a read that began before a write committed cannot put the old
 * value back after the write's eviction. Never fails a request: on any Redis error it answers
 * "miss" / does nothing, counts {@code worklane.cache.errors} (operation get/put/evict, or
 * "skipped" while the circuit is open) and lets the circuit breaker skip Redis for a while.
 *
 * <p>An eviction that cannot reach Redis (circuit open, timeout) is kept ({@code
 * worklane.cache.evictions.pending}) and replayed by a background thread every {@code replayEvery},
 * whatever the breaker says, until Redis takes it; until then this instance reads through to the
 * database and caches nothing. A replay is an eviction like any other: it bumps the version and is
 * published, so every instance drops the stale entry as soon as Redis answers.
 *
 * <p>In front of Redis sits a small near cache per instance (decoded values, {@code nearTtl}), so a
 * hot read costs no Redis round trip. Every eviction is published on {@code
 * <prefix>cache:invalidations} and drops the entry on every instance within milliseconds; a value
 * read from Redis while an invalidation arrived is not kept near; the near cache is cleared when
 * the subscription is (re)established and is bypassed while Redis is failing. {@code nearTtl}
 * bounds staleness should a message still be lost.
 */
public final class RedisCacheAdapter implements Cache, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCacheAdapter.class);
  private static final int NEAR_ENTRIES = 10_000;

  /**
   * Pending evictions kept one by one; past this, the whole cache is dropped on replay instead (a
   * long outage during heavy writes must not grow the heap without bound).
   */
  static final int MAX_PENDING = 50_000;

  /** Published instead of a key: every instance drops its whole near cache. */
  static final String ALL = "*";

  private static final CacheScript GET =
      new CacheScript(
          """
          local kind = redis.call('TYPE', KEYS[1]).ok
          if kind == 'hash' then return redis.call('HMGET', KEYS[1], 'v', 'n') end
          if kind ~= 'none' then redis.call('DEL', KEYS[1]) end
          return {false, false}
          """);

  /** ARGV: expected version, value, TTL in ms. Answers 1 when written. */
  private static final CacheScript PUT =
      new CacheScript(
          """
          local kind = redis.call('TYPE', KEYS[1]).ok
          if kind ~= 'hash' and kind ~= 'none' then redis.call('DEL', KEYS[1]) end
          if (redis.call('HGET', KEYS[1], 'n') or '0') ~= ARGV[1] then return 0 end
          redis.call('HSET', KEYS[1], 'v', ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return 1
          """);

  /** ARGV: TTL in ms, invalidation channel ('' for none), message. */
  private static final CacheScript EVICT =
      new CacheScript(
          """
          local kind = redis.call('TYPE', KEYS[1]).ok
          if kind ~= 'hash' and kind ~= 'none' then redis.call('DEL', KEYS[1]) end
          redis.call('HDEL', KEYS[1], 'v')
          redis.call('HINCRBY', KEYS[1], 'n', 1)
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          if ARGV[2] ~= '' then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
          return 1
          """);

  private final RedissonClient redis;
  private final RScript scripts;
  private final String prefix;
  private final Duration defaultTtl;
  private final Map<String, Duration> ttlByNamespace;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final com.github.benmanes.caffeine.cache.Cache<String, Object> near;
  private final RTopic invalidations;
  private final String channel;
  private final AtomicLong invalidationsSeen = new AtomicLong();
  private final Set<CacheKey> pending = ConcurrentHashMap.newKeySet();

  /**
   * Overflows not yet answered by dropping the whole cache (a count, so none is lost in a race).
   */
  private final AtomicInteger dropsOwed = new AtomicInteger();

  private final ScheduledExecutorService replayer;
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
    this(
        redis,
        keyPrefix,
        defaultTtl,
        ttlByNamespace,
        nearTtl,
        json,
        meters,
        breaker,
        Duration.ofMillis(200));
  }

  /**
   * @param replayEvery how often kept evictions are retried (zero: never by itself, tests call
   *     {@link #replayPending()})
   */
  RedisCacheAdapter(
      RedissonClient redis,
      String keyPrefix,
      Duration defaultTtl,
      Map<String, Duration> ttlByNamespace,
      Duration nearTtl,
      JsonMapper json,
      MeterRegistry meters,
      CircuitBreaker breaker,
      Duration replayEvery) {
    this.redis = redis;
    this.scripts = redis.getScript(StringCodec.INSTANCE); // answers and arguments are strings
    this.prefix = keyPrefix + "cache:";
    this.defaultTtl = defaultTtl;
    this.ttlByNamespace = Map.copyOf(ttlByNamespace);
    // The API's mapper refuses unknown properties; a cached record carries derived ones too (an
    // isOwner() method is written as "owner") that its constructor does not take: ignore them.
    this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.meters = meters;
    this.breaker = breaker;
    Gauge.builder("worklane.cache.evictions.pending", pending, Set::size)
        .description("evictions that could not reach Redis yet, replayed once it answers")
        .register(meters);
    if (nearTtl.isPositive()) {
      this.near = Caffeine.newBuilder().maximumSize(NEAR_ENTRIES).expireAfterWrite(nearTtl).build();
      this.channel = prefix + "invalidations";
      this.invalidations = redis.getTopic(channel, StringCodec.INSTANCE);
      subscribe();
    } else {
      this.near = null;
      this.channel = "";
      this.invalidations = null;
    }
    if (replayEvery.isPositive()) {
      this.replayer =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().daemon().name("cache-eviction-replay").unstarted(r));
      replayer.scheduleWithFixedDelay(
          this::replayQuietly,
          replayEvery.toMillis(),
          replayEvery.toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      this.replayer = null;
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
            if (ALL.equals(key)) {
              near.invalidateAll();
            } else {
              near.invalidate(key);
            }
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

  /** Evictions are waiting for Redis: what it (or the near cache) holds may be stale. */
  private boolean untrusted() {
    return !pending.isEmpty() || dropsOwed.get() > 0;
  }

  @Override
  public <T> Lookup<T> get(CacheKey key, Class<T> type) {
    if (!breaker.allows() || untrusted()) {
      // Redis is known to be down, or owes us evictions: read through, metered like a failure.
      counter("worklane.cache.errors", "operation", "skipped", "", "").increment();
      return miss(key, Lookup.UNVERSIONED);
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
    List<Object> entry;
    try {
      entry = GET.run(scripts, redisKey(key), RScript.ReturnType.LIST);
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("get", e);
      return miss(key, Lookup.UNVERSIONED);
    }
    String value = (String) entry.get(0);
    if (value == null) {
      Object version = entry.size() > 1 ? entry.get(1) : null;
      return miss(key, version == null ? 0 : Long.parseLong((String) version));
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
      return miss(key, Lookup.UNVERSIONED);
    }
  }

  @Override
  public void put(CacheKey key, Lookup<?> miss, Object value) {
    if (miss == null || !miss.cacheable() || !breaker.allows() || untrusted()) {
      return;
    }
    try {
      Long written =
          PUT.run(
              scripts,
              redisKey(key),
              RScript.ReturnType.LONG,
              Long.toString(miss.version()),
              json.writeValueAsString(value),
              Long.toString(ttlOf(key).toMillis()));
      breaker.recordSuccess();
      if (written == 0) {
        counter("worklane.cache.puts.refused", "namespace", key.namespace(), "", "").increment();
      }
    } catch (RuntimeException e) {
      failed("put", e);
    }
  }

  private <T> Lookup<T> hit(CacheKey key, T value) {
    counter("worklane.cache.requests", "namespace", key.namespace(), "result", "hit").increment();
    return Lookup.hit(value);
  }

  @Override
  public void evict(CacheKey key) {
    if (near != null) {
      invalidationsSeen.incrementAndGet();
      near.invalidate(key.toString());
    }
    if (!breaker.allows()) {
      keep(key);
      return;
    }
    try {
      sendEviction(key);
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      keep(key);
      failed("evict", e);
    }
  }

  private void sendEviction(CacheKey key) {
    EVICT.run(
        scripts,
        redisKey(key),
        RScript.ReturnType.LONG,
        Long.toString(ttlOf(key).toMillis()),
        channel,
        key.toString());
  }

  private void keep(CacheKey key) {
    if (pending.size() >= MAX_PENDING) {
      if (dropsOwed.getAndIncrement() == 0) {
        LOG.warn("cache_evictions_overflow kept={} action=drop-whole-cache", MAX_PENDING);
      }
      pending.clear(); // what was cleared is covered by the drop, which runs before any replay
      return;
    }
    pending.add(key);
  }

  /**
   * Sends the kept evictions to Redis, whatever the breaker says (this runs off the request path);
   * answers true when none is left. A key is taken out before it is sent and put back if that
   * fails, so an eviction kept meanwhile is never lost.
   */
  boolean replayPending() {
    if (!untrusted()) {
      return true;
    }
    try {
      int owed = dropsOwed.get();
      if (owed > 0) {
        long dropped = redis.getKeys().deleteByPattern(escapeGlob(prefix) + "*");
        if (invalidations != null) {
          invalidations.publish(ALL);
        }
        dropsOwed.addAndGet(-owed);
        LOG.info("cache_dropped reason=evictions-overflow keys={}", dropped);
      }
      int replayed = 0;
      for (CacheKey key : List.copyOf(pending)) {
        pending.remove(key);
        try {
          sendEviction(key);
        } catch (RuntimeException e) {
          pending.add(key);
          throw e;
        }
        replayed++;
      }
      breaker.recordSuccess();
      if (replayed > 0) {
        LOG.info("cache_evictions_replayed count={}", replayed);
      }
    } catch (RuntimeException e) {
      failed("replay", e);
    }
    return !untrusted();
  }

  private void replayQuietly() {
    try {
      replayPending();
    } catch (RuntimeException e) {
      LOG.warn("cache_replay_failed error={}", e.getClass().getSimpleName());
    }
  }

  /** How many evictions wait for Redis (the {@code worklane.cache.evictions.pending} gauge). */
  int pendingEvictions() {
    return pending.size();
  }

  @Override
  public void close() {
    if (replayer != null) {
      replayer.shutdownNow();
    }
  }

  Duration ttlOf(CacheKey key) {
    return ttlByNamespace.getOrDefault(key.namespace(), defaultTtl);
  }

  private String redisKey(CacheKey key) {
    return prefix + key;
  }

  private static String escapeGlob(String literal) {
    return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  private <T> Lookup<T> miss(CacheKey key, long version) {
    counter("worklane.cache.requests", "namespace", key.namespace(), "result", "miss").increment();
    return Lookup.miss(version);
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
