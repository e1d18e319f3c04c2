package dev.worklane.application.service.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.TokenRevocations.Verdict;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RevocationServiceTest {
  static final Duration RETENTION = Duration.ofDays(30);
  @Mock RevocationLedger ledger;
  @Mock TokenRevocations replica;
  @Mock Runnable commit;
  final Instant now = T0.plusSeconds(100);
  final UserId ada = UserId.random();

  RevocationService service(DirectTransactions transactions, Clock clock) {
    return new RevocationService(ledger, replica, transactions, RETENTION, clock);
  }

  RevocationService service() {
    return service(new DirectTransactions(commit), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aRevocationIsRecordedInTheLedgerAndReplicatedAfterCommit() {
    Revocation token = Revocation.token("jti-1", now.plusSeconds(60));
    when(replica.replicate(token)).thenReturn(true);

    service().revokeToken("jti-1", now.plusSeconds(60));

    InOrder order = inOrder(ledger, commit, replica);
    order.verify(ledger).record(token);
    order.verify(commit).run();
    order.verify(replica).replicate(token);
    order.verify(ledger).markReplicated(token);
  }

  @Test
  void aReplicationThatFailsLeavesTheRevocationToTheRelay() {
    Revocation session = Revocation.session(UUID.randomUUID(), now.plusSeconds(60));
    when(replica.replicate(session)).thenReturn(false);

    service().revokeSession(UUID.fromString(session.subject()), session.at());

    verify(ledger).record(session);
    verify(ledger, never()).markReplicated(any());
  }

  @Test
  void expiredOrAnonymousRevocationsAreNotRecorded() {
    service().revokeToken("jti-old", now);
    service().revokeToken(null, now.plusSeconds(5));
    service().revokeSession(null, now.plusSeconds(5));
    verify(ledger, never()).record(any());
  }

  @Test
  void endingEverythingStampsInsideTheTransactionAndAgainAfterCommit() {
    Instant[] clock = {now};
    Clock moving =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return clock[0];
          }
        };
    DirectTransactions transactions = new DirectTransactions(() -> clock[0] = now.plusMillis(250));
    RevocationService service = service(transactions, moving);

    transactions.inTransaction(() -> service.endEverythingIssuedTo(ada));

    InOrder order = inOrder(ledger);
    order.verify(ledger).record(Revocation.notBefore(ada, now));
    // a login that read the account while the change was in flight is caught by the later stamp
    order.verify(ledger).record(Revocation.notBefore(ada, now.plusMillis(250)));
  }

  @Test
  void theReplicaAnswersWhenItCanAndTheLedgerWhenItCannot() {
    when(replica.check("a", null, ada, now)).thenReturn(Verdict.REVOKED);
    when(replica.check("b", null, ada, now)).thenReturn(Verdict.NOT_REVOKED);
    when(replica.check("c", null, ada, now)).thenReturn(Verdict.UNKNOWN);
    when(replica.check("d", null, ada, now)).thenReturn(Verdict.UNKNOWN);
    when(ledger.isRevoked("c", null, ada, now, now)).thenReturn(true);
    when(ledger.isRevoked("d", null, ada, now, now)).thenReturn(false);

    assertThat(service().isRevoked("a", null, ada, now)).isTrue();
    assertThat(service().isRevoked("b", null, ada, now)).isFalse();
    assertThat(service().isRevoked("c", null, ada, now)).isTrue();
    assertThat(service().isRevoked("d", null, ada, now)).isFalse();
  }

  @Test
  void theRelayReplaysWhatTheReplicaMissedUntilItFailsAgain() {
    Revocation first = Revocation.token("jti-1", now.plusSeconds(60));
    Revocation second = Revocation.token("jti-2", now.plusSeconds(60));
    Revocation third = Revocation.token("jti-3", now.plusSeconds(60));
    when(replica.isComplete()).thenReturn(true);
    when(ledger.unreplicated(anyInt())).thenReturn(List.of(first, second, third));
    when(replica.replicate(first)).thenReturn(true);
    when(replica.replicate(second)).thenReturn(false);

    assertThat(service().relay()).isEqualTo(1);

    verify(ledger).markReplicated(first);
    verify(ledger, never()).markReplicated(second);
    verify(replica, never()).replicate(third);
  }

  @Test
  void aReplicaThatLostItsDataIsRebuiltFromTheLedgerPageByPage() {
    List<Revocation> page1 =
        IntStream.range(0, 500)
            .mapToObj(i -> Revocation.token("jti-" + i, now.plusSeconds(60)))
            .toList();
    List<Revocation> page2 = List.of(Revocation.notBefore(ada, now.minusSeconds(5)));
    when(replica.isComplete()).thenReturn(false);
    when(ledger.active(now, RETENTION, 0, 500)).thenReturn(page1);
    when(ledger.active(now, RETENTION, 500, 500)).thenReturn(page2);
    when(replica.replicate(any())).thenReturn(true);
    when(replica.markComplete()).thenReturn(true);

    assertThat(service().relay()).isEqualTo(501);

    verify(replica).replicate(page2.get(0));
    verify(replica).markComplete();
  }

  @Test
  void aRebuildThatFailsHalfwayDoesNotDeclareTheReplicaComplete() {
    when(replica.isComplete()).thenReturn(false);
    when(ledger.active(now, RETENTION, 0, 500))
        .thenReturn(List.of(Revocation.token("jti-1", now.plusSeconds(60))));
    when(replica.replicate(any())).thenReturn(false);

    assertThat(service().relay()).isZero();

    verify(replica, never()).markComplete();
  }
}
