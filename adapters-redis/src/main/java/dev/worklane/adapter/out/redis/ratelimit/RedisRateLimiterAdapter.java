package dev.worklane.adapter.out.redis.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings.Limit;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
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
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Bucket4j token buckets kept in Redis (compare-and-swap through Redisson), so every instance draws
 * on one budget per scope and key. Buckets refill all at once per window, which makes the seed's
 * numbers exact: the 6th login in a minute is refused. When Redis fails the same limits apply per
 * instance from memory ({@code worklane.ratelimit.fallback}) and the API stays up.
 *
 * <p>Bucket proxies are kept per key with Bucket4j's batching optimisation: concurrent requests on
 * one hot key (a busy user, a proxy's IP) are combined into one Redis compare-and-swap instead of
 * contending with each other — same limits, far fewer round trips and retries.
 *
 * <p>A changed limit applies to buckets already in Redis (see {@link #remoteBucket}); keys expire a
 * few seconds after their bucket is full again, so nothing outlives its window for long. {@code
 * worklane.ratelimit.fallback} counts every decision taken without Redis: it stays 0 while Redis is
 * healthy, which is what the Redis-backed tests assert.
 */
public final class RedisRateLimiterAdapter implements RateLimiter {
  private static final int MAX_LOCAL_BUCKETS = 100_000;
  private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(5);

  private final RedissonBasedProxyManager<String> buckets;
  private final String prefix;
  private final Map<Scope, BucketConfiguration> configurations = new EnumMap<>(Scope.class);
  private final RateLimitSettings settings;
  private final Map<Scope, Counter> fallbacks = new EnumMap<>(Scope.class);
  private final Map<Scope, Counter> rejections = new EnumMap<>(Scope.class);
  private final Counter reconfigured;
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
        settings.limits().values().stream()
            .map(Limit::window)
            .max(Duration::compareTo)
            .orElseThrow();
    this.buckets =
        Bucket4jRedisson.casBasedBuilder(((Redisson) redis).getCommandExecutor())
            // A key lives until its bucket is full again (at most one window) plus a little:
            // an idle 1-minute bucket is gone a few seconds after its window, not after an hour.
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    KEEP_AFTER_REFILL))
            .build();
    this.prefix = keyPrefix + "ratelimit:";
    this.settings = settings;
    this.breaker = breaker;
    this.remote =
        Caffeine.newBuilder().maximumSize(MAX_LOCAL_BUCKETS).expireAfterAccess(longest).build();
    this.local =
        Caffeine.newBuilder().maximumSize(MAX_LOCAL_BUCKETS).expireAfterAccess(longest).build();
    this.reconfigured = meters.counter("worklane.ratelimit.reconfigured");
    for (Scope scope : Scope.values()) {
      fallbacks.put(
          scope, meters.counter("worklane.ratelimit.fallback", "scope", scope.policyName()));
      rejections.put(
          scope, meters.counter("worklane.ratelimit.rejected", "scope", scope.policyName()));
      configurations.put(
          scope, BucketConfiguration.builder().addLimit(bandwidth(settings.of(scope))).build());
    }
  }

  @Override
  public Decision tryConsume(Scope scope, String key) {
    String bucketKey = bucketKey(scope, key);
    ConsumptionProbe probe = null;
    if (breaker.allows()) {
      try {
        probe = remoteBucket(bucketKey, scope).tryConsumeAndReturnRemaining(1);
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
        scope,
        probe.isConsumed(),
        limit.capacity(),
        probe.getRemainingTokens(),
        limit.window(),
        reset);
  }

  @Override
  public void refund(Scope scope, String key) {
    String bucketKey = bucketKey(scope, key);
    if (breaker.allows()) {
      try {
        remoteBucket(bucketKey, scope).addTokens(1);
        breaker.recordSuccess();
        return;
      } catch (RuntimeException e) {
        breaker.recordFailure("ratelimit", e);
      }
    }
    fallbacks.get(scope).increment();
    localBucket(bucketKey, scope).addTokens(1);
  }

  private String bucketKey(Scope scope, String key) {
    return prefix
        + scope.policyName()
        + ":"
        + (scope == Scope.PASSWORD_RESET ? sha256(key.strip().toLowerCase(Locale.ROOT)) : key);
  }

  /**
   * Bucket4j keeps the configuration a bucket was created with. Its implicit replacement compares
   * versions with "stored &lt; desired", which a fingerprint of the limits cannot satisfy both ways
   * (a lowered limit may hash lower), so the first use of a key on this instance compares the
   * stored configuration with ours and replaces it when they differ. {@code ADDITIVE} keeps what
   * was consumed: 2 used of 2, raised to 5, leaves 3 — as if the limit had been 5 all along; a
   * lowered limit cuts what is left down to the new budget.
   */
  private BucketProxy remoteBucket(String bucketKey, Scope scope) {
    return remote.get(
        bucketKey,
        k -> {
          BucketConfiguration wanted = configurations.get(scope);
          BucketProxy proxy =
              buckets.builder().withOptimization(Optimizations.batching()).build(k, () -> wanted);
          Optional<BucketConfiguration> stored = buckets.getProxyConfiguration(k);
          if (stored.isPresent() && !stored.get().equals(wanted)) {
            proxy.replaceConfiguration(wanted, TokensInheritanceStrategy.ADDITIVE);
            reconfigured.increment();
          }
          return proxy;
        });
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
