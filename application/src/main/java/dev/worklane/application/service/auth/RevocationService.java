package dev.worklane.application.service.auth;

import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Revocations that always stick. Each one is written to the {@link RevocationLedger} (PostgreSQL)
 * in the caller's transaction, then copied to the shared replica ({@link TokenRevocations}, Redis)
 * after commit. A copy that fails — Redis down — stays marked in the ledger and {@link #relay()}
 * replays it when the replica is back; a replica that lost its data is rebuilt from the ledger.
 * While the replica cannot answer, checks go to the ledger: a revocation is never forgotten, only
 * slower to check.
 */
public final class RevocationService implements RevocationCheckUseCase {
  private static final System.Logger LOG = System.getLogger(RevocationService.class.getName());
  private static final int PAGE = 500;

  private final RevocationLedger ledger;
  private final TokenRevocations replica;
  private final Transactions transactions;
  private final Duration notBeforeRetention;
  private final Clock clock;

  public RevocationService(
      RevocationLedger ledger,
      TokenRevocations replica,
      Transactions transactions,
      Duration notBeforeRetention,
      Clock clock) {
    this.ledger = ledger;
    this.replica = replica;
    this.transactions = transactions;
    this.notBeforeRetention = notBeforeRetention;
    this.clock = clock;
  }

  /** One access token ({@code jti}) is dead until it expires. */
  public void revokeToken(String tokenId, Instant expiresAt) {
    if (tokenId != null && expiresAt.isAfter(clock.instant())) {
      record(Revocation.token(tokenId, expiresAt));
    }
  }

  /** Every access token of one login (claim {@code sid}) is dead until {@code until}. */
  public void revokeSession(UUID sessionId, Instant until) {
    if (sessionId != null && until.isAfter(clock.instant())) {
      record(Revocation.session(sessionId, until));
    }
  }

  /**
   * Ends every token and session issued to the user until the caller's transaction commits. The
   * stamp is written twice: now, inside the transaction, so it commits with the change (a crash
   * right after the commit loses nothing issued before the change began); and again after commit,
   * so a login or refresh that read the account while the change was in flight — and took its
   * timestamp before reading it — is caught as well.
   *
   * <p>The rule, everywhere the stamp is checked: what was issued (token {@code iat_us}, session
   * login, refresh token) before the stamp is refused, at or after it counts, to the microsecond. A
   * login that read the account before the change took its time before that read, so before the
   * commit and strictly before the after-commit stamp; one that starts after the change answered is
   * later still.
   */
  public void endEverythingIssuedTo(UserId userId) {
    record(Revocation.notBefore(userId, clock.instant()));
    transactions.afterCommit(() -> record(Revocation.notBefore(userId, clock.instant())));
  }

  /** The user's stamp from the ledger: refresh tokens issued before it are dead. */
  public Optional<Instant> notBefore(UserId userId) {
    return ledger.notBefore(userId);
  }

  @Override
  public boolean isRevoked(String tokenId, String sessionId, UserId userId, Instant issuedAt) {
    return switch (replica.check(tokenId, sessionId, userId, issuedAt)) {
      case REVOKED -> true;
      case NOT_REVOKED -> false;
      case UNKNOWN -> ledger.isRevoked(tokenId, sessionId, userId, issuedAt, clock.instant());
    };
  }

  /**
   * Crash and outage recovery, run periodically by every instance: rebuilds a replica that lost its
   * data, else replays what was recorded but not replicated. Returns how many were copied.
   */
  public int relay() {
    if (!replica.isComplete()) {
      return rebuildReplica();
    }
    int copied = 0;
    for (Revocation revocation : ledger.unreplicated(PAGE)) {
      if (!replicate(revocation)) {
        break;
      }
      copied++;
    }
    if (copied > 0) {
      int count = copied;
      LOG.log(Level.INFO, () -> "revocations_replayed count=" + count);
    }
    return copied;
  }

  /** Drops ledger rows that deny nothing any more. */
  public int purge() {
    return ledger.purge(clock.instant(), notBeforeRetention);
  }

  private int rebuildReplica() {
    Instant now = clock.instant();
    int copied = 0;
    for (int offset = 0; ; offset += PAGE) {
      List<Revocation> page = ledger.active(now, notBeforeRetention, offset, PAGE);
      for (Revocation revocation : page) {
        if (!replica.replicate(revocation)) {
          return copied; // still unavailable: the next run starts over
        }
        copied++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (replica.markComplete()) {
      int count = copied;
      LOG.log(Level.INFO, () -> "revocation_replica_rebuilt count=" + count);
    }
    return copied;
  }

  private void record(Revocation revocation) {
    transactions.inTransaction(() -> ledger.record(revocation));
    transactions.afterCommit(() -> replicateQuietly(revocation));
  }

  /** After commit the revocation is safe in the ledger: a failed copy is left to the relay. */
  private void replicateQuietly(Revocation revocation) {
    try {
      replicate(revocation);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () ->
              "revocation_replication_deferred kind="
                  + revocation.kind()
                  + " error="
                  + e.getClass().getSimpleName());
    }
  }

  private boolean replicate(Revocation revocation) {
    if (!replica.replicate(revocation)) {
      return false;
    }
    ledger.markReplicated(revocation);
    return true;
  }
}
