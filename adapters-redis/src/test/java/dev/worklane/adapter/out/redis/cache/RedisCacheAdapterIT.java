package dev.worklane.adapter.out.redis.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    assertThat(cache.get(key, UserAccount.class)).isEmpty();
    cache.put(key, account);

    Optional<UserAccount> cached = cache.get(key, UserAccount.class);

    assertThat(cached).contains(account);
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
    cache.put(key, account);
    cache.put(new CacheKey("short", "x"), "value");

    long usersTtl =
        connections
            .cache()
            .getBucket(prefix + "cache:users:" + user.id(), StringCodec.INSTANCE)
            .remainTimeToLive();
    long shortTtl =
        connections
            .cache()
            .getBucket(prefix + "cache:short:x", StringCodec.INSTANCE)
            .remainTimeToLive();
    assertThat(usersTtl).isBetween(3_590_000L, 3_600_000L);
    assertThat(shortTtl).isBetween(25_000L, 30_000L);
  }

  @Test
  void evictRemovesTheEntry() {
    cache.put(key, account);
    cache.evict(key);
    assertThat(cache.get(key, UserAccount.class)).isEmpty();
  }

  @Test
  void anUnreadableEntryIsAMissAndIsDropped() {
    connections
        .cache()
        .getBucket(prefix + "cache:users:" + user.id(), StringCodec.INSTANCE)
        .set("{not json");
    assertThat(cache.get(key, UserAccount.class)).isEmpty();
    assertThat(connections.cache().getBucket(prefix + "cache:users:" + user.id()).isExists())
        .isFalse();
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
      onDedicated.put(key, account);
      assertThat(onDedicated.get(key, UserAccount.class)).contains(account);

      redis.stop();
      assertThat(onDedicated.get(key, UserAccount.class)).isEmpty();
      assertThatCode(() -> onDedicated.put(key, account)).doesNotThrowAnyException();
      assertThatCode(() -> onDedicated.evict(key)).doesNotThrowAnyException();
      assertThat(meters.get("worklane.cache.errors").counters())
          .anySatisfy(c -> assertThat(c.count()).isPositive());
      assertThat(dedicated.cacheBreaker().isFailing()).isTrue();

      redis.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                onDedicated.put(key, account);
                assertThat(onDedicated.get(key, UserAccount.class)).contains(account);
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
    withNear.put(key, account);
    assertThat(withNear.get(key, UserAccount.class)).contains(account);

    // gone from Redis behind the adapter's back (no invalidation): the near copy still answers
    connections.cache().getBucket(prefix + "cache:users:" + user.id()).delete();

    assertThat(withNear.get(key, UserAccount.class)).contains(account);
  }

  @Test
  void anEvictionOnOneInstanceDropsTheNearCopyOnEveryOther() {
    RedisConnections otherConnections = RedisFixture.shared(prefix);
    try {
      RedisCacheAdapter a = adapter(connections, Duration.ofMinutes(1));
      RedisCacheAdapter b = adapter(otherConnections, Duration.ofMinutes(1));
      a.put(key, account);
      assertThat(b.get(key, UserAccount.class)).contains(account); // b keeps it near
      UserAccount renamed =
          UserAccount.of(
              user, new Profile(user.id(), "Grace", ZoneId.of("Europe/Paris"), UserFixtures.T0));

      a.evict(key);
      a.put(key, renamed);

      await()
          .atMost(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(b.get(key, UserAccount.class)).contains(renamed));
    } finally {
      otherConnections.close();
    }
  }

  @Test
  void nearCopiesExpireAfterTheirTtl() {
    RedisCacheAdapter withNear = adapter(connections, Duration.ofMillis(200));
    withNear.put(key, account);
    assertThat(withNear.get(key, UserAccount.class)).contains(account);
    connections.cache().getBucket(prefix + "cache:users:" + user.id()).delete();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(withNear.get(key, UserAccount.class)).isEmpty());
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
    cache.put(membership, new Membership("OWNER"));

    assertThat(cache.get(membership, Membership.class)).contains(new Membership("OWNER"));
    assertThat(meters.find("worklane.cache.errors").counters())
        .as("no entry was dropped as unreadable")
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }
}
