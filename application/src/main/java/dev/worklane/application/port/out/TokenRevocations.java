package dev.worklane.application.port.out;

import dev.worklane.domain.user.UserId;
import java.time.Instant;

/**
 * A fast replica of the {@link RevocationLedger}, shared by every instance and checked on every
 * request. It may be unavailable or may have lost its data (a Redis restart): it then answers
 * {@link Verdict#UNKNOWN} and the ledger decides.
 */
public interface TokenRevocations {

  /** Copies the revocation into the replica; false when the replica is unavailable. */
  boolean replicate(Revocation revocation);

  /**
   * Whether the token ({@code jti}) or its login ({@code sid}) was revoked, or it was issued (or
   * the browser session authenticated) before the user's stamp. Null ids are not checked.
   */
  Verdict check(String tokenId, String sessionId, UserId userId, Instant issuedAt);

  /**
   * True when the replica still holds everything replicated into it since {@link #markComplete()};
   * false after it lost its data, or when it cannot be reached.
   */
  boolean isComplete();

  /** Declares the replica complete: called after every active revocation was replicated. */
  boolean markComplete();

  enum Verdict {
    REVOKED,
    NOT_REVOKED,
    UNKNOWN
  }
}
