package dev.worklane.application.port.out;

import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every revocation — the source of truth that {@link TokenRevocations}
 * replicates for fast checks. Writes join the caller's transaction, so a revocation commits with
 * the change that caused it (a password change, a disable) or not at all.
 */
public interface RevocationLedger {

  /**
   * Records the revocation, or raises an existing one of the same kind and subject to the later
   * instant (never lowers it), and marks it as not yet replicated.
   */
  void record(Revocation revocation);

  /** The user's "not before" stamp: nothing issued to them earlier counts. */
  Optional<Instant> notBefore(UserId userId);

  /** The same question as {@link TokenRevocations#check}, answered from the ledger. */
  boolean isRevoked(String tokenId, String sessionId, UserId userId, Instant issuedAt, Instant now);

  /** Revocations recorded but not yet confirmed replicated, oldest first. */
  List<Revocation> unreplicated(int limit);

  /** Every revocation still in force at {@code now}, a page at a time in a stable order. */
  List<Revocation> active(Instant now, Duration notBeforeRetention, int offset, int limit);

  /** Confirms the replica holds {@code revocation}, unless the ledger has a later one meanwhile. */
  void markReplicated(Revocation revocation);

  /** Drops what no longer denies anything; returns how many rows went. */
  int purge(Instant now, Duration notBeforeRetention);
}
