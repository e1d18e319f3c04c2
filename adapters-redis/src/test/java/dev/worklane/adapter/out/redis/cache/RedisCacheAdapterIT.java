package dev.worklane.adapter.out.redis.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.json.JsonMapper;

class RedisCacheAdapterIT {
  final String prefix = TestRedis.uniquePrefix();
  final RedisConnections connections = RedisFixture.shared(prefix);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final RedisCacheAdapter cache = adapter(connections);

  final User user = UserFixtures.aUser().roles(Role.USER, Role.MANAGER).build();
  final UserAccount account =
      UserAccount.of(
          user, new Profile(user.id(), "Ada", ZoneId.of("Europe/Paris"), UserFixtures.T0));
  final CacheKey key = CacheKey.user(user.id());

  RedisCacheAdapter adapter(RedisConnections c) {
    return adapter(c, Duration.ZERO);
  }

  RedisCacheAdapter adapter(RedisConnections c, Duration nearTtl) {
    return new RedisCacheAdapter(
        c.cache(),
        c.keyPrefix(),
        Duration.ofHours(1),
        Map.of("short", Duration.ofSeconds(30)),
        nearTtl,
        JsonMapper.builder().build(),
        meters,
        c.cacheBreaker());
  }

  /**
   * An adapter on its own breaker (and meters: what it skips is this test's doing, not a fallback
   * of the shared connections) that replays kept evictions only when the test says so.
   */
  RedisCacheAdapter adapter(CircuitBreaker breaker, Duration nearTtl) {
    return new RedisCacheAdapter(
        connections.cache(),
        connections.keyPrefix(),
        Duration.ofHours(1),
        Map.of(),
        nearTtl,
        JsonMapper.builder().build(),
        new SimpleMeterRegistry(),
        breaker,
        Duration.ZERO);
  }

  /** What the application does on a miss: read, then put with the miss's version. */
  static void fill(RedisCacheAdapter cache, CacheKey key, Object value) {
    Cache.Lookup<?> miss = cache.get(key, value.getClass());
    assertThat(miss.cacheable()).as("a trusted miss").isTrue();
    cache.put(key, miss, value);
  }

  String redisKey(CacheKey key) {
    return prefix + "cache:" + key;
  }

  String rawValue(CacheKey key) {
    return connections.cache().<String, String>getMap(redisKey(key), StringCodec.INSTANCE).get("v");
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-04T10:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    void advance(Duration by) {
      millis.addAndGet(by.toMillis());
    }
  }

  /** Set by the outage test: it is the one test that must take the fallback. */
  boolean outageExpected;

  @AfterEach
  void close() {
    try {
      if (!outageExpected) {
        RedisFixture.assertNoFallbackTaken(meters, List.of(connections));
      }
    } finally {
      connections.close();
    }
  }

  @Test
  void aPutValueComesBackEqualAndCountsAsAHit() {
    fill(cache, key, account);

    Cache.Lookup<UserAccount> cached = cache.get(key, UserAccount.class);

    assertThat(cached.value()).contains(account);
    assertThat(
            meters
                .counter("worklane.cache.requests", "namespace", "users", "result", "hit")
                .count())
        .isEqualTo(1);
    assertThat(
            meters
                .counter("worklane.cache.requests", "namespace", "users", "result", "miss")
                .count())
        .isEqualTo(1);
  }

  @Test
  void entriesLiveUnderTheSeedKeyWithTheNamespaceTtl() {
    fill(cache, key, account);
    fill(cache, new CacheKey("short", "x"), "value");

    long usersTtl = connections.cache().getKeys().remainTimeToLive(redisKey(key));
    long shortTtl = connections.cache().getKeys().remainTimeToLive(prefix + "cache:short:x");
    assertThat(usersTtl).isBetween(3_590_000L, 3_600_000L);
    assertThat(shortTtl).isBetween(25_000L, 30_000L);
  }

  @Test
  void evictRemovesTheEntry() {
    fill(cache, key, account);
    cache.evict(key);
    assertThat(cache.get(key, UserAccount.class).value()).isEmpty();
  }

  @Test
  void anUnreadableEntryIsAMissAndIsDropped() {
    connections
        .cache()
        .<String, String>getMap(redisKey(key), StringCodec.INSTANCE)
        .put("v", "{not json");
    assertThat(cache.get(key, UserAccount.class).value()).isEmpty();
    assertThat(rawValue(key)).as("dropped").isNull();
    assertThat(meters.counter("worklane.cache.errors", "operation", "decode").count())
        .as("an entry that does not decode is metered")
        .isEqualTo(1);
    meters.clear(); // the one error this test provokes is not a fallback to Redis being down
  }

  @Test
  void aDeadRedisIsAnEmptyCacheThatNeverThrowsAndRecovers() {
    outageExpected = true;
    TestRedis.Dedicated redis = TestRedis.dedicated();
    RedisConnections dedicated =
        RedisFixture.connections(redis.url(), prefix, Duration.ofMillis(300));
    try {
      RedisCacheAdapter onDedicated = adapter(dedicated);
      fill(onDedicated, key, account);
      assertThat(onDedicated.get(key, UserAccount.class).value()).contains(account);

      redis.stop();
      Cache.Lookup<UserAccount> down = onDedicated.get(key, UserAccount.class);
      assertThat(down.value()).isEmpty();
      assertThat(down.cacheable()).as("nothing is cached from a failed read").isFalse();
      assertThatCode(() -> onDedicated.put(key, Cache.Lookup.miss(0), account))
          .doesNotThrowAnyException();
      assertThatCode(() -> onDedicated.evict(key)).doesNotThrowAnyException();
      assertThat(meters.get("worklane.cache.errors").counters())
          .anySatisfy(c -> assertThat(c.count()).isPositive());
      assertThat(dedicated.cacheBreaker().isFailing()).isTrue();

      redis.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                onDedicated.replayPending();
                Cache.Lookup<UserAccount> miss = onDedicated.get(key, UserAccount.class);
                onDedicated.put(key, miss, account);
                assertThat(onDedicated.get(key, UserAccount.class).value()).contains(account);
              });
      assertThat(dedicated.cacheBreaker().isFailing()).isFalse();
    } finally {
      dedicated.close();
      redis.stop();
    }
  }

  @Test
  void aValueReadOnceIsServedFromTheNearCacheWithoutRedis() {
    RedisCacheAdapter withNear = adapter(connections, Duration.ofMinutes(1));
    fill(withNear, key, account);
    assertThat(withNear.get(key, UserAccount.class).value()).contains(account);

    // gone from Redis behind the adapter's back (no invalidation): the near copy still answers
    connections.cache().getBucket(prefix + "cache:users:" + user.id()).delete();

    assertThat(withNear.get(key, UserAccount.class).value()).contains(account);
  }

  @Test
  void anEvictionOnOneInstanceDropsTheNearCopyOnEveryOther() {
    RedisConnections otherConnections = RedisFixture.shared(prefix);
    try {
      RedisCacheAdapter a = adapter(connections, Duration.ofMinutes(1));
      RedisCacheAdapter b = adapter(otherConnections, Duration.ofMinutes(1));
      fill(a, key, account);
      assertThat(b.get(key, UserAccount.class).value()).contains(account); // b keeps it near
      UserAccount renamed =
          UserAccount.of(
              user, new Profile(user.id(), "Grace", ZoneId.of("Europe/Paris"), UserFixtures.T0));

      a.evict(key);
      fill(a, key, renamed);

      await()
          .atMost(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(b.get(key, UserAccount.class).value()).contains(renamed));
    } finally {
      otherConnections.close();
    }
  }

  @Test
  void nearCopiesExpireAfterTheirTtl() {
    RedisCacheAdapter withNear = adapter(connections, Duration.ofMillis(200));
    fill(withNear, key, account);
    assertThat(withNear.get(key, UserAccount.class).value()).contains(account);
    connections.cache().getBucket(prefix + "cache:users:" + user.id()).delete();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(withNear.get(key, UserAccount.class).value()).isEmpty());
  }

  /** A record with a derived is-method (written as a property, not a constructor parameter). */
  record Membership(String role) {
    public boolean isOwner() {
      return "OWNER".equals(role);
    }
  }

  @Test
  void recordsWithDerivedPropertiesComeBackFromRedis() {
    CacheKey membership = new CacheKey("projects", "p:members:u");
    fill(cache, membership, new Membership("OWNER"));

    assertThat(cache.get(membership, Membership.class).value()).contains(new Membership("OWNER"));
    assertThat(meters.find("worklane.cache.errors").counters())
        .as("no entry was dropped as unreadable")
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  void aValueReadBeforeAnEvictionIsNotPutBackAfterIt() {
    fill(cache, key, account);
    cache.evict(key);
    // a reader misses, then reads the database before a write commits…
    Cache.Lookup<UserAccount> before = cache.get(key, UserAccount.class);
    assertThat(before.cacheable()).isTrue();
    cache.evict(key); // …the write's eviction after its commit…

    cache.put(key, before, account); // …and the reader's put comes last

    assertThat(rawValue(key)).as("the old value is not put back").isNull();
    assertThat(cache.get(key, UserAccount.class).value()).isEmpty();
    assertThat(meters.counter("worklane.cache.puts.refused", "namespace", "users").count())
        .isEqualTo(1);
    Cache.Lookup<UserAccount> after = cache.get(key, UserAccount.class);
    cache.put(key, after, account);
    assertThat(cache.get(key, UserAccount.class).value())
        .as("a read that began after the eviction is cached")
        .contains(account);
  }

  @Test
  void anEntryOfTheOlderPlainStringLayoutIsAMissAndIsDropped() {
    connections
        .cache()
        .getBucket(redisKey(key), StringCodec.INSTANCE)
        .set("{\"id\":\"" + user.id() + "\"}");

    Cache.Lookup<UserAccount> miss = cache.get(key, UserAccount.class);
    cache.put(key, miss, account);

    assertThat(miss.value()).isEmpty();
    assertThat(cache.get(key, UserAccount.class).value()).contains(account);
  }

  @Test
  void anEvictionSkippedWhileTheCircuitIsOpenIsKeptAndReachesEveryInstanceOnReplay() {
    CircuitBreaker openBreaker =
        new CircuitBreaker("cache", Duration.ofHours(1), new ManualClock());
    RedisCacheAdapter a = adapter(openBreaker, Duration.ofMinutes(1));
    RedisCacheAdapter b = adapter(connections, Duration.ofMinutes(1));
    try {
      fill(a, key, account);
      assertThat(b.get(key, UserAccount.class).value()).contains(account); // b keeps it near
      openBreaker.recordFailure("test", new IllegalStateException("timed out"));

      a.evict(key);

      assertThat(a.pendingEvictions()).isEqualTo(1);
      assertThat(a.get(key, UserAccount.class).cacheable())
          .as("this instance reads through and caches nothing")
          .isFalse();
      assertThat(rawValue(key)).as("Redis was not reached").isNotNull();

      assertThat(a.replayPending()).isTrue();

      assertThat(a.pendingEvictions()).isZero();
      assertThat(rawValue(key)).isNull();
      await()
          .atMost(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(b.get(key, UserAccount.class).value()).isEmpty());
    } finally {
      a.close();
    }
  }

  @Test
  void theCacheIsNotTrustedAgainBeforeKeptEvictionsAreReplayed() {
    ManualClock clock = new ManualClock();
    CircuitBreaker breaker = new CircuitBreaker("cache", Duration.ofSeconds(5), clock);
    RedisCacheAdapter a = adapter(breaker, Duration.ofMinutes(1));
    try {
      fill(a, key, account);
      breaker.recordFailure("test", new IllegalStateException("timed out"));
      a.evict(key);
      clock.advance(Duration.ofSeconds(6)); // the breaker lets calls through again

      Cache.Lookup<UserAccount> lookup = a.get(key, UserAccount.class);
      a.put(
          key,
          Cache.Lookup.miss(0),
          UserAccount.of(
              user, new Profile(user.id(), "Grace", ZoneId.of("Europe/Paris"), UserFixtures.T0)));

      assertThat(lookup.value()).as("the stale entry is not served").isEmpty();
      assertThat(lookup.cacheable()).isFalse();
      assertThat(rawValue(key)).as("nothing is written").doesNotContain("Grace");
      assertThat(a.replayPending()).isTrue();
      assertThat(a.get(key, UserAccount.class).cacheable()).isTrue();
    } finally {
      a.close();
    }
  }

  @Test
  void keptEvictionsReplayThemselvesInTheBackground() {
    CircuitBreaker openBreaker =
        new CircuitBreaker("cache", Duration.ofHours(1), new ManualClock());
    RedisCacheAdapter a =
        new RedisCacheAdapter(
            connections.cache(),
            connections.keyPrefix(),
            Duration.ofHours(1),
            Map.of(),
            Duration.ZERO,
            JsonMapper.builder().build(),
            new SimpleMeterRegistry(),
            openBreaker,
            Duration.ofMillis(50));
    try {
      fill(cache, key, account);
      openBreaker.recordFailure("test", new IllegalStateException("timed out"));

      a.evict(key);

      await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(rawValue(key)).isNull());
      assertThat(a.pendingEvictions()).isZero();
    } finally {
      a.close();
    }
  }

  @Test
  void pastTheLimitOfKeptEvictionsTheWholeCacheIsDroppedOnReplay() {
    CircuitBreaker openBreaker =
        new CircuitBreaker("cache", Duration.ofHours(1), new ManualClock());
    RedisCacheAdapter a = adapter(openBreaker, Duration.ofMinutes(1));
    RedisCacheAdapter b = adapter(connections, Duration.ofMinutes(1));
    CacheKey unrelated = new CacheKey("short", "unrelated");
    try {
      fill(b, key, account);
      fill(b, unrelated, "value");
      assertThat(b.get(unrelated, String.class).value()).contains("value"); // near on b
      openBreaker.recordFailure("test", new IllegalStateException("timed out"));

      for (int i = 0; i <= RedisCacheAdapter.MAX_PENDING; i++) {
        a.evict(new CacheKey("users", "u" + i));
      }

      assertThat(a.pendingEvictions()).as("the heap does not grow past the limit").isZero();
      assertThat(a.get(key, UserAccount.class).cacheable()).isFalse();
      assertThat(a.replayPending()).isTrue();
      assertThat(rawValue(key)).isNull();
      await()
          .atMost(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(b.get(unrelated, String.class).value()).isEmpty());
    } finally {
      a.close();
    }
  }
}
