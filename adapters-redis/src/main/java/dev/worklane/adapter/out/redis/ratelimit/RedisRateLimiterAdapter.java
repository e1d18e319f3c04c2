package dev.worklane.adapter.out.redis.ratelimit;

import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings.Limit;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.worklane.application.port.out.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import io.github.bucket4j.redis.redisson.cas.RedissonBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Bucket4j token buckets kept in Redis (compare-and-swap through Redisson), so every instance
 * draws on one budget per scope and key. Buckets refill all at once per window, which makes the
 * seed's numbers exact: the 6th login in a minute is refused. When Redis fails the same limits
 * apply per instance from memory ({@code worklane.ratelimit.fallback}) and the API stays up.
 *
 * <p>Bucket proxies are kept per key with Bucket4j's batching optimisation: concurrent requests on
 * one hot key (a busy user, a proxy's IP) are combined into one Redis compare-and-swap instead of
 * contending with each other — same limits, far fewer round trips and retries.
 */
public final class RedisRateLimiterAdapter implements RateLimiter {
  private static final int MAX_LOCAL_BUCKETS = 100_000;

  private final RedissonBasedProxyManager<String> buckets;
  private final String prefix;
  private final Map<Scope, BucketConfiguration> configurations = new EnumMap<>(Scope.class);
  private final RateLimitSettings settings;
  private final Map<Scope, Counter> fallbacks = new EnumMap<>(Scope.class);
  private final Map<Scope, Counter> rejections = new EnumMap<>(Scope.class);
  private final CircuitBreaker breaker;
  private final Cache<String, Bucket> local;
  private final Cache<String, BucketProxy> remote;

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
    this.breaker = breaker;
    this.remote =
        Caffeine.newBuilder().maximumSize(MAX_LOCAL_BUCKETS).expireAfterAccess(longest).build();
    this.local =
        Caffeine.newBuilder().maximumSize(MAX_LOCAL_BUCKETS).expireAfterAccess(longest).build();
    for (Scope scope : Scope.values()) {
      fallbacks.put(scope, meters.counter("worklane.ratelimit.fallback", "scope", scope.policyName()));
      rejections.put(scope, meters.counter("worklane.ratelimit.rejected", "scope", scope.policyName()));
      configurations.put(scope, BucketConfiguration.builder().addLimit(bandwidth(settings.of(scope))).build());
    }
  }

  @Override
  public Decision tryConsume(Scope scope, String key) {
    String bucketKey = prefix + scope.policyName() + ":" + (scope == Scope.PASSWORD_RESET ? sha256(key.strip().toLowerCase(Locale.ROOT)) : key);
    ConsumptionProbe probe = null;
    if (breaker.allows()) {
      try {
        probe =
            remote
                .get(
                    bucketKey,
                    k ->
                        buckets
                            .builder()
                            .withOptimization(Optimizations.batching())
                            .build(k, () -> configurations.get(scope)))
                .tryConsumeAndReturnRemaining(1);
        breaker.recordSuccess();
      } catch (RuntimeException e) {
        breaker.recordFailure("ratelimit", e);
      }
    }
    if (probe == null) {
      fallbacks.get(scope).increment();
      probe = localBucket(bucketKey, scope).tryConsumeAndReturnRemaining(1);
    }
    if (!probe.isConsumed()) {
      rejections.get(scope).increment();
    }
    Limit limit = settings.of(scope);
    Duration reset =
        Duration.ofNanos(
            probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
    return new Decision(
        scope, probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(), limit.window(), reset);
  }

  private Bucket localBucket(String key, Scope scope) {
    return local.get(key, k -> Bucket.builder().addLimit(bandwidth(settings.of(scope))).build());
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
