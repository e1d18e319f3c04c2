package dev.worklane.adapter.out.redis.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings.Limit;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.out.RateLimiter.Decision;
import dev.worklane.application.port.out.RateLimiter.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisRateLimiterAdapterIT {
  static final Duration MINUTE = Duration.ofMinutes(1);
  final String prefix = TestRedis.uniquePrefix();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<RedisConnections> opened = new ArrayList<>();

  RedisRateLimiterAdapter limiter(RedisConnections connections) {
    return limiter(connections, Map.of());
  }

  RedisRateLimiterAdapter limiter(RedisConnections connections, Map<Scope, Limit> limits) {
    opened.add(connections);
    return new RedisRateLimiterAdapter(
        connections.cache(),
        connections.keyPrefix(),
        new RateLimitSettings(limits),
        meters,
        connections.cacheBreaker());
  }

  /** Set by the outage test: it is the one test that must take the fallback. */
  boolean outageExpected;

  @AfterEach
  void close() {
    try {
      if (!outageExpected) {
        RedisFixture.assertNoFallbackTaken(meters, opened);
      }
    } finally {
      opened.forEach(RedisConnections::close);
    }
  }

  @ParameterizedTest(name = "{0}: {1} allowed, then refused")
  @CsvSource({
    "LOGIN,5",
    "REGISTER,3",
    "GUEST,20",
    "AUTHENTICATED,100",
    "GLOBAL,100",
    "PASSWORD_RESET,3",
    "LOGIN_ACCOUNT,5",
    "PASSWORD_CHANGE,5"
  })
  void everyScopeAllowsExactlyItsBudget(Scope scope, int budget) {
    RedisRateLimiterAdapter limiter = limiter(RedisFixture.shared(prefix));
    for (int i = 1; i <= budget; i++) {
      Decision decision = limiter.tryConsume(scope, "client-1");
      assertThat(decision.allowed()).as("call %d", i).isTrue();
      assertThat(decision.remaining()).isEqualTo(budget - i);
      assertThat(decision.limit()).isEqualTo(budget);
    }
    Decision refused = limiter.tryConsume(scope, "client-1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetAfter()).isPositive().isLessThanOrEqualTo(refused.window());
    assertThat(limiter.tryConsume(scope, "client-2").allowed()).as("keys are independent").isTrue();
    assertThat(meters.counter("worklane.ratelimit.rejected", "scope", scope.policyName()).count())
        .isEqualTo(1);
  }

  @Test
  void passwordResetWindowIsAnHourAndEmailsAreNotStoredInKeys() {
    RedisConnections connections = RedisFixture.shared(prefix);
    RedisRateLimiterAdapter limiter = limiter(connections);
    Decision decision = limiter.tryConsume(Scope.PASSWORD_RESET, "ada@example.com");
    assertThat(decision.window()).isEqualTo(Duration.ofHours(1));
    List<String> keys = new ArrayList<>();
    connections.cache().getKeys().getKeysByPattern(prefix + "*").forEach(keys::add);
    assertThat(keys)
        .isNotEmpty()
        .allSatisfy(k -> assertThat(k).startsWith(prefix).doesNotContain("ada@"));
  }

  @Test
  void passwordResetBudgetIsPerNormalisedEmail() {
    RedisRateLimiterAdapter limiter = limiter(RedisFixture.shared(prefix));
    assertThat(limiter.tryConsume(Scope.PASSWORD_RESET, "Ada@Example.com").allowed()).isTrue();
    assertThat(limiter.tryConsume(Scope.PASSWORD_RESET, " ada@example.com ").allowed()).isTrue();
    assertThat(limiter.tryConsume(Scope.PASSWORD_RESET, "ADA@EXAMPLE.COM").allowed()).isTrue();
    assertThat(limiter.tryConsume(Scope.PASSWORD_RESET, "ada@example.com").allowed()).isFalse();
  }

  @Test
  void twoInstancesShareOneBudget() {
    RedisRateLimiterAdapter a = limiter(RedisFixture.shared(prefix));
    RedisRateLimiterAdapter b = limiter(RedisFixture.shared(prefix));
    for (int i = 0; i < 3; i++) {
      assertThat(a.tryConsume(Scope.LOGIN, "10.0.0.1").allowed()).isTrue();
    }
    for (int i = 0; i < 2; i++) {
      assertThat(b.tryConsume(Scope.LOGIN, "10.0.0.1").allowed()).isTrue();
    }
    assertThat(a.tryConsume(Scope.LOGIN, "10.0.0.1").allowed()).isFalse();
    assertThat(b.tryConsume(Scope.LOGIN, "10.0.0.1").allowed()).isFalse();
  }

  @Test
  void aRaisedLimitAppliesToABucketAlreadyInRedis() {
    RedisRateLimiterAdapter before =
        limiter(RedisFixture.shared(prefix), Map.of(Scope.GLOBAL, new Limit(2, MINUTE)));
    assertThat(before.tryConsume(Scope.GLOBAL, "10.0.0.7").allowed()).isTrue();
    assertThat(before.tryConsume(Scope.GLOBAL, "10.0.0.7").allowed()).isTrue();
    assertThat(before.tryConsume(Scope.GLOBAL, "10.0.0.7").allowed()).isFalse();

    // A redeployment with global raised to 5: the 2 calls already made still count.
    RedisRateLimiterAdapter after =
        limiter(RedisFixture.shared(prefix), Map.of(Scope.GLOBAL, new Limit(5, MINUTE)));
    for (int left = 2; left >= 0; left--) {
      Decision decision = after.tryConsume(Scope.GLOBAL, "10.0.0.7");
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.limit()).isEqualTo(5);
      assertThat(decision.remaining()).isEqualTo(left);
    }
    assertThat(after.tryConsume(Scope.GLOBAL, "10.0.0.7").allowed()).isFalse();
    assertThat(meters.counter("worklane.ratelimit.reconfigured").count()).isEqualTo(1);
  }

  @Test
  void aLoweredLimitAppliesToABucketAlreadyInRedis() {
    RedisRateLimiterAdapter before =
        limiter(RedisFixture.shared(prefix), Map.of(Scope.GUEST, new Limit(5, MINUTE)));
    assertThat(before.tryConsume(Scope.GUEST, "10.0.0.8").remaining()).isEqualTo(4);

    // Lowered to 2: what is left is cut down to the new budget (ADDITIVE only adds on a raise).
    RedisRateLimiterAdapter after =
        limiter(RedisFixture.shared(prefix), Map.of(Scope.GUEST, new Limit(2, MINUTE)));
    assertThat(after.tryConsume(Scope.GUEST, "10.0.0.8").remaining()).isEqualTo(1);
    assertThat(after.tryConsume(Scope.GUEST, "10.0.0.8").remaining()).isZero();
    assertThat(after.tryConsume(Scope.GUEST, "10.0.0.8").allowed()).isFalse();
    assertThat(before.tryConsume(Scope.GUEST, "10.0.0.8").allowed())
        .as("an instance still on the old limit meets the bucket's new one")
        .isFalse();
  }

  @Test
  void unchangedLimitsLeaveStoredBucketsAlone() {
    RedisRateLimiterAdapter a = limiter(RedisFixture.shared(prefix));
    a.tryConsume(Scope.LOGIN, "10.0.0.9");
    RedisRateLimiterAdapter b = limiter(RedisFixture.shared(prefix));
    assertThat(b.tryConsume(Scope.LOGIN, "10.0.0.9").remaining()).isEqualTo(3);
    assertThat(meters.counter("worklane.ratelimit.reconfigured").count()).isZero();
  }

  @Test
  void aBucketKeyExpiresShortlyAfterItsWindowEvenBesideAnHourLongScope() {
    RedisConnections connections = RedisFixture.shared(prefix);
    RedisRateLimiterAdapter limiter = limiter(connections);
    limiter.tryConsume(Scope.LOGIN, "10.0.0.10");
    limiter.tryConsume(Scope.PASSWORD_RESET, "ada@example.com");

    long loginTtl =
        connections.cache().getKeys().remainTimeToLive(prefix + "ratelimit:login:10.0.0.10");
    assertThat(loginTtl)
        .as("TTL of a 1-minute bucket, ms")
        .isPositive()
        .isLessThanOrEqualTo(65_000);
    List<String> resetKeys = new ArrayList<>();
    connections
        .cache()
        .getKeys()
        .getKeysByPattern(prefix + "ratelimit:password-reset:*")
        .forEach(resetKeys::add);
    assertThat(resetKeys).hasSize(1);
    assertThat(connections.cache().getKeys().remainTimeToLive(resetKeys.get(0)))
        .as("TTL of a 1-hour bucket, ms")
        .isGreaterThan(65_000)
        .isLessThanOrEqualTo(3_605_000);
  }

  @Test
  void aRefundGivesBackTheUnitAndNeverMoreThanTheBudget() {
    RedisRateLimiterAdapter limiter = limiter(RedisFixture.shared(prefix));
    for (int i = 0; i < 5; i++) {
      limiter.tryConsume(Scope.LOGIN_ACCOUNT, "pair");
    }
    assertThat(limiter.tryConsume(Scope.LOGIN_ACCOUNT, "pair").allowed()).isFalse();
    limiter.refund(Scope.LOGIN_ACCOUNT, "pair");
    assertThat(limiter.tryConsume(Scope.LOGIN_ACCOUNT, "pair").allowed()).isTrue();

    limiter.refund(Scope.LOGIN_ACCOUNT, "fresh");
    assertThat(limiter.tryConsume(Scope.LOGIN_ACCOUNT, "fresh").remaining()).isEqualTo(4);
  }

  @Test
  void withoutRedisTheSameLimitsApplyFromMemory() {
    outageExpected = true;
    TestRedis.Dedicated redis = TestRedis.dedicated();
    RedisRateLimiterAdapter limiter =
        limiter(RedisFixture.connections(redis.url(), prefix, Duration.ofSeconds(30)));
    try {
      assertThat(limiter.tryConsume(Scope.REGISTER, "ip").allowed()).isTrue();
      redis.stop();
      for (int i = 1; i <= 3; i++) {
        assertThat(limiter.tryConsume(Scope.REGISTER, "ip-2").allowed()).as("call %d", i).isTrue();
      }
      assertThat(limiter.tryConsume(Scope.REGISTER, "ip-2").allowed()).isFalse();
      assertThat(meters.counter("worklane.ratelimit.fallback", "scope", "register").count())
          .isEqualTo(4);
    } finally {
      redis.stop();
    }
  }
}
