package dev.worklane.adapter.out.redis.revocation;

import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RLocalCachedMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.LocalCachedMapOptions;
import org.redisson.client.codec.StringCodec;

/**
 * Revocations every instance sees, checked on every request without a Redis round trip: one
 * Redis hash {@code <prefix>auth:revocations} holds {@code jti:<id>} (the token's expiry) and
 * {@code nbf:<userId>} (epoch seconds before which nothing issued to the user counts). Each
 * instance reads it through Redisson's near cache — answers "not revoked" included — and every
 * write publishes an invalidation, so a logout on one instance takes effect on all of them within
 * milliseconds. After a reconnect the near cache is cleared (messages may have been missed) and
 * local entries also expire after {@code nearCacheTtl}, bounding staleness if one is lost.
 *
 * <p>If Redis is down the check fails open — the API keeps serving — but revocations made through
 * this instance are also kept in memory and still apply.
 */
public final class RedisTokenRevocationsAdapter implements TokenRevocations {
  private static final int MAX_LOCAL = 100_000;
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final RLocalCachedMap<String, String> revocations;
  private final Duration retention;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Map<String, Instant> localDenylist = new ConcurrentHashMap<>();
  private final Map<String, Long> localNotBefore = new ConcurrentHashMap<>();
  private final AtomicLong nextPurge = new AtomicLong();

  public RedisTokenRevocationsAdapter(
      RedissonClient redis,
      String keyPrefix,
      Duration retention,
      Duration nearCacheTtl,
      MeterRegistry meters,
      CircuitBreaker breaker,
      Clock clock) {
    this.revocations =
        redis.getLocalCachedMap(
            LocalCachedMapOptions.<String, String>name(keyPrefix + "auth:revocations")
                .codec(StringCodec.INSTANCE)
                .cacheSize(MAX_LOCAL)
                .evictionPolicy(LocalCachedMapOptions.EvictionPolicy.LRU)
                .storeCacheMiss(true)
                .timeToLive(nearCacheTtl)
                .syncStrategy(LocalCachedMapOptions.SyncStrategy.INVALIDATE)
                .reconnectionStrategy(LocalCachedMapOptions.ReconnectionStrategy.CLEAR));
    this.retention = retention;
    this.meters = meters;
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public void revokeToken(String tokenId, Instant expiresAt) {
    Instant now = clock.instant();
    if (tokenId == null || !expiresAt.isAfter(now)) {
      return;
    }
    remember(localDenylist, tokenId, expiresAt);
    try {
      revocations.fastPut("jti:" + tokenId, Long.toString(expiresAt.getEpochSecond()));
      breaker.recordSuccess();
      purgeExpiredNowAndThen(now);
    } catch (RuntimeException e) {
      failed("revoke", e);
    }
  }

  @Override
  public void revokeEverythingIssuedBefore(UserId userId, Instant notBefore) {
    // Rounded up: a token issued within the same second as the stamp is revoked too (iat has
    // second precision, so it cannot be told apart from one issued just before).
    long stamp = notBefore.getEpochSecond() + (notBefore.getNano() > 0 ? 1 : 0);
    localNotBefore.merge(userId.toString(), stamp, Math::max);
    try {
      revocations.fastPut("nbf:" + userId, Long.toString(stamp));
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("not-before", e);
    }
  }

  @Override
  public boolean isRevoked(String tokenId, UserId userId, Instant issuedAt) {
    long issued = issuedAt == null ? Long.MIN_VALUE : issuedAt.getEpochSecond();
    if (isLocallyRevoked(tokenId, userId, issued)) {
      return true;
    }
    if (!breaker.allows()) {
      return false;
    }
    try {
      String nbfKey = "nbf:" + userId;
      String jtiKey = tokenId == null ? null : "jti:" + tokenId;
      Map<String, String> found =
          jtiKey == null ? revocations.getAll(Set.of(nbfKey)) : revocations.getAll(Set.of(jtiKey, nbfKey));
      breaker.recordSuccess();
      String denied = jtiKey == null ? null : found.get(jtiKey);
      if (denied != null && Long.parseLong(denied) > clock.instant().getEpochSecond()) {
        return true;
      }
      String stamp = found.get(nbfKey);
      return stamp != null && issued < Long.parseLong(stamp);
    } catch (RuntimeException e) {
      failed("check", e);
      return false;
    }
  }

  private boolean isLocallyRevoked(String tokenId, UserId userId, long issued) {
    if (tokenId != null) {
      Instant until = localDenylist.get(tokenId);
      if (until != null) {
        if (until.isAfter(clock.instant())) {
          return true;
        }
        localDenylist.remove(tokenId);
      }
    }
    Long stamp = localNotBefore.get(userId.toString());
    return stamp != null && issued < stamp;
  }

  /**
   * A Redis hash has no per-field expiry (before Redis 7.4): expired denylist entries and stamps
   * older than the retention are removed by whichever instance writes next, at most hourly.
   */
  private void purgeExpiredNowAndThen(Instant now) {
    long due = nextPurge.get();
    if (now.toEpochMilli() < due || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY).toEpochMilli())) {
      return;
    }
    long nowSeconds = now.getEpochSecond();
    long oldestStamp = now.minus(retention).getEpochSecond();
    for (Map.Entry<String, String> entry : revocations.entrySet()) {
      long value = Long.parseLong(entry.getValue());
      boolean expired =
          entry.getKey().startsWith("jti:") ? value <= nowSeconds : value < oldestStamp;
      if (expired) {
        revocations.fastRemove(entry.getKey());
      }
    }
  }

  private <V> void remember(Map<String, V> map, String key, V value) {
    if (map.size() > MAX_LOCAL) {
      Instant now = clock.instant();
      localDenylist.values().removeIf(until -> !until.isAfter(now));
    }
    map.put(key, value);
  }

  private void failed(String operation, RuntimeException e) {
    meters.counter("worklane.auth.revocation.errors", "operation", operation).increment();
    breaker.recordFailure("revocation." + operation, e);
  }
}
