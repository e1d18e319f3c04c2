package dev.worklane.adapter.out.persistence.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The revocation ledger on real PostgreSQL: the source of truth behind the Redis replica. */
@PersistenceIntegrationTest
class RevocationLedgerAdapterIT {
  static final Duration RETENTION = Duration.ofDays(30);
  final Instant now = T0.plus(Duration.ofDays(1));

  private final RevocationLedgerAdapter ledger;
  private final Transactions transactions;
  private final JdbcTemplate jdbc;

  RevocationLedgerAdapterIT(
      RevocationLedgerAdapter ledger, Transactions transactions, JdbcTemplate jdbc) {
    this.ledger = ledger;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void emptyLedger() {
    jdbc.update("delete from token_revocations");
  }

  @Test
  void aRevokedTokenOrSessionIsRefusedUntilItsExpiry() {
    ledger.record(Revocation.token("jti-1", now.plusSeconds(60)));
    UUID sid = UUID.randomUUID();
    ledger.record(Revocation.session(sid, now.plusSeconds(60)));
    UserId user = UserId.random();

    assertThat(ledger.isRevoked("jti-1", null, user, now, now)).isTrue();
    assertThat(ledger.isRevoked(null, sid.toString(), user, now, now)).isTrue();
    assertThat(ledger.isRevoked("jti-2", UUID.randomUUID().toString(), user, now, now)).isFalse();
    assertThat(ledger.isRevoked("jti-1", sid.toString(), user, now, now.plusSeconds(60)))
        .as("expired denials deny nothing")
        .isFalse();
  }

  @Test
  void aStampRefusesWhatWasIssuedBeforeItAndOnlyRises() {
    UserId user = UserId.random();
    Instant stamp = now.plusMillis(1_500);
    ledger.record(Revocation.notBefore(user, stamp));
    ledger.record(Revocation.notBefore(user, now)); // an older stamp replayed late

    assertThat(ledger.notBefore(user)).contains(stamp);
    assertThat(ledger.isRevoked(null, null, user, now.plusSeconds(1), now)).isTrue();
    assertThat(ledger.isRevoked(null, null, user, now.plusSeconds(2), now)).isFalse();
    assertThat(ledger.notBefore(UserId.random())).isEmpty();
  }

  @Test
  void aRecordingRolledBackWithItsTransactionLeavesNothing() {
    UserId user = UserId.random();
    try {
      transactions.inTransaction(
          () -> {
            ledger.record(Revocation.notBefore(user, now));
            throw new IllegalStateException("the password change failed");
          });
    } catch (IllegalStateException expected) {
      // the change and its revocation are one unit
    }
    assertThat(ledger.notBefore(user)).isEmpty();
  }

  @Test
  void unreplicatedRowsWaitForTheRelayUntilMarkedAtTheSameInstant() {
    Revocation first = Revocation.token("jti-a", now.plusSeconds(60));
    Revocation second = Revocation.token("jti-b", now.plusSeconds(60));
    ledger.record(first);
    ledger.record(second);
    assertThat(ledger.unreplicated(10)).containsExactly(first, second);

    ledger.markReplicated(first);
    assertThat(ledger.unreplicated(10)).containsExactly(second);

    // raised after the replica copied the older value: it must be copied again
    Revocation raised = Revocation.token("jti-b", now.plusSeconds(120));
    ledger.record(raised);
    ledger.markReplicated(second);
    assertThat(ledger.unreplicated(10)).containsExactly(raised);
  }

  @Test
  void instantsKeepTheirValueThroughTheLedger() {
    Revocation nanos = Revocation.token("jti-n", Instant.parse("2026-12-01T10:00:00.123456789Z"));
    ledger.record(nanos);
    ledger.markReplicated(nanos);
    assertThat(ledger.unreplicated(10)).isEmpty();
    assertThat(nanos.at()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123456Z"));
  }

  @Test
  void activeListsWhatStillDeniesInPagesAndPurgeDropsTheRest() {
    UserId recent = UserId.random();
    UserId ancient = UserId.random();
    ledger.record(Revocation.token("jti-live", now.plusSeconds(60)));
    ledger.record(Revocation.token("jti-dead", now.minusSeconds(1)));
    ledger.record(Revocation.notBefore(recent, now.minus(Duration.ofDays(1))));
    ledger.record(Revocation.notBefore(ancient, now.minus(RETENTION).minusSeconds(1)));

    List<Revocation> page1 = ledger.active(now, RETENTION, 0, 1);
    List<Revocation> page2 = ledger.active(now, RETENTION, 1, 1);
    List<Revocation> page3 = ledger.active(now, RETENTION, 2, 1);
    assertThat(page1).hasSize(1);
    assertThat(page2).hasSize(1);
    assertThat(page3).isEmpty();
    assertThat(List.of(page1.get(0).subject(), page2.get(0).subject()))
        .containsExactlyInAnyOrder("jti-live", recent.toString());

    assertThat(ledger.purge(now, RETENTION)).isEqualTo(2);
    assertThat(ledger.active(now, RETENTION, 0, 10)).hasSize(2);
  }
}
