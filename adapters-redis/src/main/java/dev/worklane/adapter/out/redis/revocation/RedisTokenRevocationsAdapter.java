package dev.worklane.adapter.out.redis.revocation;

import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Revocations every instance sees: {@code <prefix>auth:denylist:<jti>} until the token expires, and
 * {@code <prefix>auth:nbf:<userId>} = epoch seconds before which nothing issued to the user counts.
 * A check is one round trip (MGET). If Redis is down the check fails open — the API keeps
 * serving — but revocations made through this instance are also kept in memory and still apply.
 */
public final class RedisTokenRevocationsAdapter implements TokenRevocations {
  private static final int MAX_LOCAL = 100_000;

  private final RedissonClient redis;
  private final String denylistPrefix;
  private final String notBeforePrefix;
  private final Duration retention;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Map<String, Instant> localDenylist = new ConcurrentHashMap<>();
  private final Map<String, Long> localNotBefore = new ConcurrentHashMap<>();

  public RedisTokenRevocationsAdapter(
      RedissonClient redis,
      String keyPrefix,
      Duration retention,
      MeterRegistry meters,
      CircuitBreaker breaker,
      Clock clock) {
    this.redis = redis;
    this.denylistPrefix = keyPrefix + "auth:denylist:";
    this.notBeforePrefix = keyPrefix + "auth:nbf:";
    this.retention = retention;
    this.meters = meters;
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public void revokeToken(String tokenId, Instant expiresAt) {
    Duration ttl = Duration.between(clock.instant(), expiresAt);
    if (tokenId == null || ttl.isNegative() || ttl.isZero()) {
      return;
    }
    remember(localDenylist, tokenId, expiresAt);
    try {
      redis.getBucket(denylistPrefix + tokenId, StringCodec.INSTANCE).set("1", ttl);
      breaker.recordSuccess();
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
      redis.getBucket(notBeforePrefix + userId, StringCodec.INSTANCE).set(Long.toString(stamp), retention);
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
      String nbfKey = notBeforePrefix + userId;
      Map<String, String> found =
          tokenId == null
              ? redis.getBuckets(StringCodec.INSTANCE).get(nbfKey)
              : redis.getBuckets(StringCodec.INSTANCE).get(denylistPrefix + tokenId, nbfKey);
      breaker.recordSuccess();
      if (tokenId != null && found.containsKey(denylistPrefix + tokenId)) {
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
