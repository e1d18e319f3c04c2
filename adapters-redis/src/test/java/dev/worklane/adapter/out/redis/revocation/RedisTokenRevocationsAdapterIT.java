package dev.worklane.adapter.out.redis.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.domain.user.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisTokenRevocationsAdapterIT {
  final String prefix = TestRedis.uniquePrefix();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<RedisConnections> opened = new ArrayList<>();
  final UserId user = UserId.random();

  RedisTokenRevocationsAdapter revocations(RedisConnections connections) {
    opened.add(connections);
    return new RedisTokenRevocationsAdapter(
        connections.sessions(), connections.keyPrefix(), Duration.ofDays(30), Duration.ofSeconds(30), meters,
        connections.sessionBreaker(), Clock.systemUTC());
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

  @Test
  void aDenylistedTokenIsRevokedOnEveryInstanceUntilItExpires() {
    RedisTokenRevocationsAdapter a = revocations(RedisFixture.shared(prefix));
    RedisTokenRevocationsAdapter b = revocations(RedisFixture.shared(prefix));
    Instant issued = Instant.now();
    assertThat(b.isRevoked("jti-1", null, user, issued)).isFalse();

    a.revokeToken("jti-1", Instant.now().plusSeconds(3));

    // b had cached "not revoked": the invalidation a's write published reaches it within moments
    await().atMost(Duration.ofSeconds(2)).until(() -> b.isRevoked("jti-1", null, user, issued));
    assertThat(b.isRevoked("jti-2", null, user, issued)).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> !b.isRevoked("jti-1", null, user, issued));
  }

  @Test
  void aRevokedSessionTakesEveryTokenOfThatLoginWithIt() {
    RedisTokenRevocationsAdapter a = revocations(RedisFixture.shared(prefix));
    RedisTokenRevocationsAdapter b = revocations(RedisFixture.shared(prefix));
    java.util.UUID family = java.util.UUID.randomUUID();
    Instant issued = Instant.now();
    assertThat(b.isRevoked("t1", family.toString(), user, issued)).isFalse();

    a.revokeSession(family, Instant.now().plusSeconds(60));

    assertThat(a.isRevoked("t1", family.toString(), user, issued)).isTrue();
    await().atMost(Duration.ofSeconds(2)).until(() -> b.isRevoked("t2", family.toString(), user, issued));
    assertThat(b.isRevoked("t3", java.util.UUID.randomUUID().toString(), user, issued)).isFalse();
  }

  @Test
  void theNotBeforeStampRevokesEarlierTokensOnly() {
    RedisTokenRevocationsAdapter a = revocations(RedisFixture.shared(prefix));
    RedisTokenRevocationsAdapter b = revocations(RedisFixture.shared(prefix));
    Instant stamp = Instant.parse("2026-11-25T10:00:00.400Z");

    a.revokeEverythingIssuedBefore(user, stamp);

    await().atMost(Duration.ofSeconds(2)).until(() -> b.isRevoked("any", null, user, Instant.parse("2026-11-25T09:59:59Z")));
    assertThat(b.isRevoked(null, null, user, Instant.parse("2026-11-25T10:00:00Z")))
        .as("same second as the stamp: cannot be told apart, so revoked")
        .isTrue();
    assertThat(b.isRevoked("any", null, user, Instant.parse("2026-11-25T10:00:01Z"))).isFalse();
    assertThat(b.isRevoked("any", null, UserId.random(), Instant.parse("2026-11-25T09:00:00Z"))).isFalse();
  }

  @Test
  void revocationsMadeDuringAnOutageStillApplyOnThisInstance() {
    outageExpected = true;
    TestRedis.Dedicated redis = TestRedis.dedicated();
    RedisTokenRevocationsAdapter adapter =
        revocations(RedisFixture.connections(redis.url(), prefix, Duration.ofSeconds(30)));
    try {
      redis.stop();
      Instant issued = Instant.now();
      adapter.revokeToken("jti-down", Instant.now().plusSeconds(60));
      adapter.revokeEverythingIssuedBefore(user, Instant.now().plusSeconds(5));

      assertThat(adapter.isRevoked("jti-down", null, UserId.random(), issued)).isTrue();
      assertThat(adapter.isRevoked("other", null, user, issued)).isTrue();
      assertThat(adapter.isRevoked("other", null, UserId.random(), issued))
          .as("unknown tokens fail open while Redis is down")
          .isFalse();
      assertThat(meters.get("worklane.auth.revocation.errors").counters())
          .anySatisfy(c -> assertThat(c.count()).isPositive());
    } finally {
      redis.stop();
    }
  }
}
