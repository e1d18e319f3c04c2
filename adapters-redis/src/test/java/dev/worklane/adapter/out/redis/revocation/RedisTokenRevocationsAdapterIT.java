package dev.worklane.adapter.out.redis.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.TokenRevocations.Verdict;
import dev.worklane.domain.user.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

/** The Redis replica of the revocation ledger, on a real Redis, seen from two instances. */
class RedisTokenRevocationsAdapterIT {
  final String prefix = TestRedis.uniquePrefix();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<RedisConnections> opened = new ArrayList<>();
  final UserId user = UserId.random();

  RedisTokenRevocationsAdapter revocations(RedisConnections connections) {
    opened.add(connections);
    return new RedisTokenRevocationsAdapter(
        connections.sessions(),
        connections.keyPrefix(),
        Duration.ofDays(30),
        Duration.ofSeconds(30),
        meters,
        connections.sessionBreaker(),
        Clock.systemUTC());
  }

  /** Two instances on the shared Redis whose replica was declared complete. */
  RedisTokenRevocationsAdapter[] twoInstances() {
    RedisTokenRevocationsAdapter a = revocations(RedisFixture.shared(prefix));
    RedisTokenRevocationsAdapter b = revocations(RedisFixture.shared(prefix));
    assertThat(a.markComplete()).isTrue();
    return new RedisTokenRevocationsAdapter[] {a, b};
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
    RedisTokenRevocationsAdapter[] instances = twoInstances();
    RedisTokenRevocationsAdapter b = instances[1];
    Instant issued = Instant.now();
    assertThat(b.check("jti-1", null, user, issued)).isEqualTo(Verdict.NOT_REVOKED);

    assertThat(instances[0].replicate(Revocation.token("jti-1", Instant.now().plusSeconds(3))))
        .isTrue();

    // b had cached "not revoked": the invalidation a's write published reaches it within moments
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> b.check("jti-1", null, user, issued) == Verdict.REVOKED);
    assertThat(b.check("jti-2", null, user, issued)).isEqualTo(Verdict.NOT_REVOKED);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> b.check("jti-1", null, user, issued) == Verdict.NOT_REVOKED);
  }

  @Test
  void aRevokedSessionTakesEveryTokenOfThatLoginWithIt() {
    RedisTokenRevocationsAdapter[] instances = twoInstances();
    RedisTokenRevocationsAdapter b = instances[1];
    UUID family = UUID.randomUUID();
    Instant issued = Instant.now();
    assertThat(b.check("t1", family.toString(), user, issued)).isEqualTo(Verdict.NOT_REVOKED);

    instances[0].replicate(Revocation.session(family, Instant.now().plusSeconds(60)));

    assertThat(instances[0].check("t1", family.toString(), user, issued))
        .isEqualTo(Verdict.REVOKED);
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> b.check("t2", family.toString(), user, issued) == Verdict.REVOKED);
    assertThat(b.check("t3", UUID.randomUUID().toString(), user, issued))
        .isEqualTo(Verdict.NOT_REVOKED);
  }

  @Test
  void theNotBeforeStampRevokesEarlierTokensOnlyAndNeverGoesBack() {
    RedisTokenRevocationsAdapter[] instances = twoInstances();
    RedisTokenRevocationsAdapter b = instances[1];
    Instant stamp = Instant.parse("2026-11-25T10:00:00.400Z");

    instances[0].replicate(Revocation.notBefore(user, stamp));
    instances[0].replicate(Revocation.notBefore(user, stamp.minusSeconds(3600))); // replayed late

    await()
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                b.check("any", null, user, Instant.parse("2026-11-25T09:59:59Z"))
                    == Verdict.REVOKED);
    assertThat(b.check(null, null, user, Instant.parse("2026-11-25T10:00:00.399999Z")))
        .as("issued just before the stamp, in the same second")
        .isEqualTo(Verdict.REVOKED);
    assertThat(b.check(null, null, user, Instant.parse("2026-11-25T10:00:00.400Z")))
        .as("issued at the stamp, after the change completed")
        .isEqualTo(Verdict.NOT_REVOKED);
    assertThat(b.check("any", null, user, Instant.parse("2026-11-25T10:00:00.400001Z")))
        .isEqualTo(Verdict.NOT_REVOKED);
    assertThat(b.check("any", null, user, Instant.parse("2026-11-25T10:00:01Z")))
        .isEqualTo(Verdict.NOT_REVOKED);
    assertThat(b.check("any", null, user, null)).isEqualTo(Verdict.REVOKED);
    assertThat(b.check("any", null, UserId.random(), Instant.parse("2026-11-25T09:00:00Z")))
        .isEqualTo(Verdict.NOT_REVOKED);
  }

  /** Stamps written before they kept microseconds (whole seconds, rounded up) still deny. */
  @Test
  void aStampInWholeSecondsStillDeniesEverythingIssuedBeforeIt() {
    RedisTokenRevocationsAdapter[] instances = twoInstances();
    Instant rounded = Instant.parse("2026-11-25T10:00:01Z");
    opened
        .getFirst()
        .sessions()
        .<String, String>getMap(prefix + "auth:revocations", StringCodec.INSTANCE)
        .put("nbf:" + user, Long.toString(rounded.getEpochSecond()));

    assertThat(instances[1].check(null, null, user, Instant.parse("2026-11-25T10:00:00.400Z")))
        .isEqualTo(Verdict.REVOKED);
    assertThat(instances[1].check(null, null, user, rounded)).isEqualTo(Verdict.NOT_REVOKED);

    instances[0].replicate(Revocation.notBefore(user, Instant.parse("2026-11-25T10:00:00.500Z")));
    assertThat(instances[0].check(null, null, user, Instant.parse("2026-11-25T10:00:00.900Z")))
        .as("an older stamp never lowers the whole-second one")
        .isEqualTo(Verdict.REVOKED);
    instances[0].replicate(Revocation.notBefore(user, Instant.parse("2026-11-25T10:00:02.250Z")));
    assertThat(instances[0].check(null, null, user, Instant.parse("2026-11-25T10:00:02.250Z")))
        .isEqualTo(Verdict.NOT_REVOKED);
    assertThat(instances[0].check(null, null, user, Instant.parse("2026-11-25T10:00:02.249Z")))
        .isEqualTo(Verdict.REVOKED);
  }

  @Test
  void stampsKeepTheirMicrosecondsInTheHash() {
    assertThat(
            RedisTokenRevocationsAdapter.formatStamp(Instant.parse("2026-11-25T10:00:00.000042Z")))
        .isEqualTo("1795600800.000042");
    assertThat(RedisTokenRevocationsAdapter.parseStamp("1795600800.000042"))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00.000042Z"));
    assertThat(RedisTokenRevocationsAdapter.parseStamp("1795600800"))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }

  @Test
  void aReplicaNotDeclaredCompleteCannotVouchForATokenButStillKnowsItsRevocations() {
    RedisTokenRevocationsAdapter adapter = revocations(RedisFixture.shared(prefix));
    assertThat(adapter.isComplete()).isFalse();
    adapter.replicate(Revocation.token("jti-known", Instant.now().plusSeconds(60)));

    assertThat(adapter.check("jti-known", null, user, Instant.now())).isEqualTo(Verdict.REVOKED);
    assertThat(adapter.check("jti-other", null, user, Instant.now()))
        .as("the ledger must decide: this Redis may have lost revocations")
        .isEqualTo(Verdict.UNKNOWN);

    assertThat(adapter.markComplete()).isTrue();
    assertThat(adapter.isComplete()).isTrue();
    assertThat(adapter.check("jti-other", null, user, Instant.now()))
        .isEqualTo(Verdict.NOT_REVOKED);
  }

  @Test
  void aRedisThatRestartedEmptyOrIsDownAnswersUnknown() {
    outageExpected = true;
    TestRedis.Dedicated redis = TestRedis.dedicated();
    RedisTokenRevocationsAdapter adapter =
        revocations(RedisFixture.connections(redis.url(), prefix, Duration.ofSeconds(1)));
    try {
      assertThat(adapter.markComplete()).isTrue();
      Instant issued = Instant.now();
      assertThat(adapter.check("jti", null, user, issued)).isEqualTo(Verdict.NOT_REVOKED);

      redis.stop();
      assertThat(adapter.replicate(Revocation.token("jti", Instant.now().plusSeconds(60))))
          .as("nothing reaches a stopped Redis: the ledger keeps it for the relay")
          .isFalse();
      assertThat(adapter.check("jti", null, user, issued)).isEqualTo(Verdict.UNKNOWN);
      assertThat(adapter.isComplete()).isFalse();

      redis.start(); // no persistence: it comes back empty
      await().atMost(Duration.ofSeconds(10)).until(adapter::isComplete, complete -> !complete);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> adapter.check("jti", null, user, issued) == Verdict.UNKNOWN);
    } finally {
      redis.stop();
    }
  }
}
