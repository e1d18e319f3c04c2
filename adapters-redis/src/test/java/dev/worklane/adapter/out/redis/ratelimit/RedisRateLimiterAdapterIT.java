package dev.worklane.adapter.out.redis.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.RedisFixture;
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
  final String prefix = TestRedis.uniquePrefix();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<RedisConnections> opened = new ArrayList<>();

  RedisRateLimiterAdapter limiter(RedisConnections connections) {
    opened.add(connections);
    return new RedisRateLimiterAdapter(
        connections.cache(), connections.keyPrefix(), new RateLimitSettings(Map.of()), meters, connections.cacheBreaker());
  }

  @AfterEach
  void close() {
    opened.forEach(RedisConnections::close);
  }

  @ParameterizedTest(name = "{0}: {1} allowed, then refused")
  @CsvSource({"LOGIN,5", "REGISTER,3", "GUEST,20", "AUTHENTICATED,100", "GLOBAL,100", "PASSWORD_RESET,3"})
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
    assertThat(meters.counter("worklane.ratelimit.rejected", "scope", scope.policyName()).count()).isEqualTo(1);
  }

  @Test
  void passwordResetWindowIsAnHourAndEmailsAreNotStoredInKeys() {
    RedisConnections connections = RedisFixture.shared(prefix);
    RedisRateLimiterAdapter limiter = limiter(connections);
    Decision decision = limiter.tryConsume(Scope.PASSWORD_RESET, "ada@example.com");
    assertThat(decision.window()).isEqualTo(Duration.ofHours(1));
    List<String> keys = new ArrayList<>();
    connections.cache().getKeys().getKeysByPattern(prefix + "*").forEach(keys::add);
    assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith(prefix).doesNotContain("ada@"));
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
  void withoutRedisTheSameLimitsApplyFromMemory() {
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
      assertThat(meters.counter("worklane.ratelimit.fallback", "scope", "register").count()).isEqualTo(4);
    } finally {
      redis.stop();
    }
  }
}
