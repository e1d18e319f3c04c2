package dev.worklane.adapter.out.redis.ratelimit;

import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings.Limit;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import io.github.bucket4j.redis.redisson.cas.RedissonBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Bucket4j token buckets kept in Redis (compare-and-swap through Redisson), so every instance
 * draws on one budget per scope and key. Buckets refill all at once per window, which makes the
 * seed's numbers exact: the 6th login in a minute is refused. When Redis fails the same limits
 * apply per instance from memory ({@code worklane.ratelimit.fallback}) and the API stays up.
 */
public final class RedisRateLimiterAdapter implements RateLimiter {
  private static final int MAX_LOCAL_BUCKETS = 100_000;

  private final RedissonBasedProxyManager<String> buckets;
  private final String prefix;
  private final Map<Scope, BucketConfiguration> configurations = new EnumMap<>(Scope.class);
  private final RateLimitSettings settings;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();

  public RedisRateLimiterAdapter(
      RedissonClient redis,
      String keyPrefix,
      RateLimitSettings settings,
      MeterRegistry meters,
      CircuitBreaker breaker) {
    Duration longest =
        settings.limits().values().stream().map(Limit::window).max(Duration::compareTo).orElseThrow();
    this.buckets =
        Bucket4jRedisson.casBasedBuilder(((Redisson) redis).getCommandExecutor())
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    longest.plusSeconds(10)))
            .build();
    this.prefix = keyPrefix + "ratelimit:";
    this.settings = settings;
    this.meters = meters;
    this.breaker = breaker;
    for (Scope scope : Scope.values()) {
      configurations.put(scope, BucketConfiguration.builder().addLimit(bandwidth(settings.of(scope))).build());
    }
  }

  @Override
  public Decision tryConsume(Scope scope, String key) {
    String bucketKey = prefix + scope.policyName() + ":" + (scope == Scope.PASSWORD_RESET ? sha256(key) : key);
    ConsumptionProbe probe = null;
    if (breaker.allows()) {
      try {
        probe =
            buckets.builder().build(bucketKey, () -> configurations.get(scope)).tryConsumeAndReturnRemaining(1);
        breaker.recordSuccess();
      } catch (RuntimeException e) {
        breaker.recordFailure("ratelimit", e);
      }
    }
    if (probe == null) {
      meters.counter("worklane.ratelimit.fallback", "scope", scope.policyName()).increment();
      probe = localBucket(bucketKey, scope).tryConsumeAndReturnRemaining(1);
    }
    if (!probe.isConsumed()) {
      meters.counter("worklane.ratelimit.rejected", "scope", scope.policyName()).increment();
    }
    Limit limit = settings.of(scope);
    Duration reset =
        Duration.ofNanos(
            probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
    return new Decision(
        scope, probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(), limit.window(), reset);
  }

  private Bucket localBucket(String key, Scope scope) {
    if (local.size() > MAX_LOCAL_BUCKETS) {
      local.clear(); // bounded memory during a long outage; budgets restart, never grow unbounded
    }
    return local.computeIfAbsent(
        key, k -> Bucket.builder().addLimit(bandwidth(settings.of(scope))).build());
  }

  private static Bandwidth bandwidth(Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.capacity())
        .refillIntervally(limit.capacity(), limit.window())
        .build();
  }

  /** Emails (password-reset scope) never appear in Redis key names. */
  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
