package dev.worklane.adapter.out.redis.revocation;

import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
    remember(localDenylist, "jti:" + tokenId, expiresAt);
    try {
      revocations.fastPut("jti:" + tokenId, Long.toString(expiresAt.getEpochSecond()));
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("revoke", e);
    }
    purgeExpiredNowAndThen(now);
  }

  @Override
  public void revokeSession(UUID sessionId, Instant until) {
    Instant now = clock.instant();
    if (sessionId == null || !until.isAfter(now)) {
      return;
    }
    remember(localDenylist, "sid:" + sessionId, until);
    try {
      revocations.fastPut("sid:" + sessionId, Long.toString(until.getEpochSecond()));
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("revoke-session", e);
    }
    purgeExpiredNowAndThen(now);
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
  public boolean isRevoked(String tokenId, String sessionId, UserId userId, Instant issuedAt) {
    long issued = issuedAt == null ? Long.MIN_VALUE : issuedAt.getEpochSecond();
    String jtiKey = tokenId == null ? null : "jti:" + tokenId;
    String sidKey = sessionId == null ? null : "sid:" + sessionId;
    if (isLocallyRevoked(jtiKey, sidKey, userId, issued)) {
      return true;
    }
    if (!breaker.allows()) {
      return false;
    }
    try {
      String nbfKey = "nbf:" + userId;
      Set<String> keys = new HashSet<>(3);
      keys.add(nbfKey);
      if (jtiKey != null) {
        keys.add(jtiKey);
      }
      if (sidKey != null) {
        keys.add(sidKey);
      }
      Map<String, String> found = revocations.getAll(keys);
      breaker.recordSuccess();
      long nowSeconds = clock.instant().getEpochSecond();
      if (deniedUntilAfter(found.get(jtiKey), nowSeconds) || deniedUntilAfter(found.get(sidKey), nowSeconds)) {
        return true;
      }
      String stamp = found.get(nbfKey);
      return stamp != null && issued < Long.parseLong(stamp);
    } catch (RuntimeException e) {
      failed("check", e);
      return false;
    }
  }

  private static boolean deniedUntilAfter(String until, long nowSeconds) {
    return until != null && Long.parseLong(until) > nowSeconds;
  }

  private boolean isLocallyRevoked(String jtiKey, String sidKey, UserId userId, long issued) {
    for (String key : new String[] {jtiKey, sidKey}) {
      Instant until = key == null ? null : localDenylist.get(key);
      if (until != null) {
        if (until.isAfter(clock.instant())) {
          return true;
        }
        localDenylist.remove(key);
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
    try {
      for (Map.Entry<String, String> entry : revocations.entrySet()) {
        long value = Long.parseLong(entry.getValue());
        boolean expired =
            entry.getKey().startsWith("nbf:") ? value < oldestStamp : value <= nowSeconds;
        if (expired) {
          revocations.fastRemove(entry.getKey());
        }
      }
    } catch (RuntimeException e) {
      // Housekeeping only: a failed purge is retried next hour and must not trip the breaker.
      meters.counter("worklane.auth.revocation.errors", "operation", "purge").increment();
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
