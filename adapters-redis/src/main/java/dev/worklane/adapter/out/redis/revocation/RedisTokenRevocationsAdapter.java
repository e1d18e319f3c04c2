package dev.worklane.adapter.out.redis.revocation;

import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RLocalCachedMap;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.LocalCachedMapOptions;
import org.redisson.client.codec.StringCodec;

/**
 * The Redis replica of the revocation ledger, checked on every request without a Redis round trip:
 * one hash {@code <prefix>auth:revocations} holds {@code jti:<id>} and {@code sid:<id>} (epoch
 * seconds until which the token or login is denied) and {@code nbf:<userId>} (the instant, epoch
 * seconds with a six-digit fraction, before which nothing issued to the user counts). Each instance
 * reads it through Redisson's near cache — answers "not revoked" included — and every write
 * publishes an invalidation, so a logout on one instance takes effect on all of them within
 * milliseconds. After a reconnect the near cache is cleared (messages may have been missed) and
 * local entries also expire after {@code nearCacheTtl}.
 *
 * <p>The field {@code meta:complete} says the hash holds the whole ledger. A Redis that restarted
 * empty lacks it, and so does one that is unreachable (the breaker is open): checks then answer
 * {@link Verdict#UNKNOWN} and the core asks PostgreSQL until the relay has rebuilt the replica.
 */
public final class RedisTokenRevocationsAdapter implements TokenRevocations {
  static final String COMPLETE = "meta:complete";
  private static final int MAX_LOCAL = 100_000;
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final RLocalCachedMap<String, String> revocations;
  private final RMap<String, String> direct;
  private final Duration retention;
  private final MeterRegistry meters;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final AtomicLong nextPurge = new AtomicLong();

  public RedisTokenRevocationsAdapter(
      RedissonClient redis,
      String keyPrefix,
      Duration retention,
      Duration nearCacheTtl,
      MeterRegistry meters,
      CircuitBreaker breaker,
      Clock clock) {
    String name = keyPrefix + "auth:revocations";
    this.revocations =
        redis.getLocalCachedMap(
            LocalCachedMapOptions.<String, String>name(name)
                .codec(StringCodec.INSTANCE)
                .cacheSize(MAX_LOCAL)
                .evictionPolicy(LocalCachedMapOptions.EvictionPolicy.LRU)
                .storeCacheMiss(true)
                .timeToLive(nearCacheTtl)
                .syncStrategy(LocalCachedMapOptions.SyncStrategy.INVALIDATE)
                .reconnectionStrategy(LocalCachedMapOptions.ReconnectionStrategy.CLEAR));
    // The completeness probe must see Redis itself, not this instance's near cache.
    this.direct = redis.getMap(name, StringCodec.INSTANCE);
    this.retention = retention;
    this.meters = meters;
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public boolean replicate(Revocation revocation) {
    if (!breaker.allows()) {
      return false;
    }
    try {
      switch (revocation.kind()) {
        case TOKEN ->
            revocations.fastPut("jti:" + revocation.subject(), secondsUp(revocation.at()));
        case SESSION ->
            revocations.fastPut("sid:" + revocation.subject(), secondsUp(revocation.at()));
        case NOT_BEFORE -> raiseStamp("nbf:" + revocation.subject(), revocation.at());
      }
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed("replicate", e);
      return false;
    }
    purgeExpiredNowAndThen(clock.instant());
    return true;
  }

  /**
   * To the microsecond, as the ledger keeps it: tokens and sessions carry their issue time to the
   * microsecond too, so one issued right after the change, in the same second, still counts. Never
   * lowered: the relay may replay an older stamp after a newer one.
   */
  private void raiseStamp(String key, Instant stamp) {
    String current = revocations.get(key);
    if (current == null || parseStamp(current).isBefore(stamp)) {
      revocations.fastPut(key, formatStamp(stamp));
    }
  }

  /**
   * {@code 1764064800.400000}: the fraction keeps the microseconds, the whole part stays legible.
   */
  static String formatStamp(Instant stamp) {
    // 1_000_000 + micros has seven digits: dropping the first leaves the six, zero-padded
    return stamp.getEpochSecond()
        + "."
        + Integer.toString(1_000_000 + stamp.getNano() / 1_000).substring(1);
  }

  /**
   * Also reads the whole seconds written before stamps kept microseconds: those were rounded up, so
   * they still deny everything issued before the change (and a little after, as they did).
   */
  static Instant parseStamp(String value) {
    int dot = value.indexOf('.');
    if (dot < 0) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    long micros = Long.parseLong((value.substring(dot + 1) + "000000").substring(0, 6));
    return Instant.ofEpochSecond(Long.parseLong(value.substring(0, dot)), micros * 1_000);
  }

  @Override
  public Verdict check(String tokenId, String sessionId, UserId userId, Instant issuedAt) {
    if (breaker.isFailing() || !breaker.allows()) {
      return Verdict.UNKNOWN;
    }
    String jtiKey = tokenId == null ? null : "jti:" + tokenId;
    String sidKey = sessionId == null ? null : "sid:" + sessionId;
    String nbfKey = "nbf:" + userId;
    Set<String> keys = new HashSet<>(6);
    keys.add(COMPLETE);
    keys.add(nbfKey);
    if (jtiKey != null) {
      keys.add(jtiKey);
    }
    if (sidKey != null) {
      keys.add(sidKey);
    }
    try {
      Map<String, String> found = revocations.getAll(keys);
      long nowSeconds = clock.instant().getEpochSecond();
      if (deniedUntilAfter(found.get(jtiKey), nowSeconds)
          || deniedUntilAfter(found.get(sidKey), nowSeconds)) {
        return Verdict.REVOKED;
      }
      String stamp = found.get(nbfKey);
      if (stamp != null && (issuedAt == null || issuedAt.isBefore(parseStamp(stamp)))) {
        return Verdict.REVOKED;
      }
      return found.containsKey(COMPLETE) ? Verdict.NOT_REVOKED : Verdict.UNKNOWN;
    } catch (RuntimeException e) {
      failed("check", e);
      return Verdict.UNKNOWN;
    }
  }

  @Override
  public boolean isComplete() {
    if (!breaker.allows()) {
      return false;
    }
    try {
      boolean complete = direct.containsKey(COMPLETE);
      breaker.recordSuccess();
      return complete;
    } catch (RuntimeException e) {
      failed("probe", e);
      return false;
    }
  }

  @Override
  public boolean markComplete() {
    if (!breaker.allows()) {
      return false; // like every write here: not while the breaker says Redis is failing
    }
    try {
      revocations.fastPut(COMPLETE, Long.toString(clock.instant().getEpochSecond()));
      breaker.recordSuccess();
      return true;
    } catch (RuntimeException e) {
      failed("mark-complete", e);
      return false;
    }
  }

  private static String secondsUp(Instant instant) {
    return Long.toString(instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0));
  }

  private static boolean deniedUntilAfter(String until, long nowSeconds) {
    return until != null && Long.parseLong(until) > nowSeconds;
  }

  /**
   * A Redis hash has no per-field expiry (before Redis 7.4): expired denials and stamps older than
   * the retention are removed by whichever instance writes next, at most hourly.
   */
  private void purgeExpiredNowAndThen(Instant now) {
    long due = nextPurge.get();
    if (now.toEpochMilli() < due
        || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY).toEpochMilli())) {
      return;
    }
    long nowSeconds = now.getEpochSecond();
    Instant oldestStamp = now.minus(retention);
    try {
      for (Map.Entry<String, String> entry : direct.entrySet()) {
        if (entry.getKey().startsWith("meta:")) {
          continue;
        }
        boolean expired =
            entry.getKey().startsWith("nbf:")
                ? parseStamp(entry.getValue()).isBefore(oldestStamp)
                : Long.parseLong(entry.getValue()) <= nowSeconds;
        if (expired) {
          revocations.fastRemove(entry.getKey());
        }
      }
    } catch (RuntimeException e) {
      // Housekeeping only: a failed purge is retried next hour and must not trip the breaker.
      meters.counter("worklane.auth.revocation.errors", "operation", "purge").increment();
    }
  }

  private void failed(String operation, RuntimeException e) {
    meters.counter("worklane.auth.revocation.errors", "operation", operation).increment();
    breaker.recordFailure("revocation." + operation, e);
  }
}
