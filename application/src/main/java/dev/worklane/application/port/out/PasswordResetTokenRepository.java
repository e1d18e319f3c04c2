package dev.worklane.application.port.out;

import dev.worklane.domain.auth.PasswordResetToken;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Password-reset tokens, stored hashed. */
public interface PasswordResetTokenRepository {

  void add(PasswordResetToken token);

  /** The token with this hash, row-locked until the transaction ends (single use under races). */
  Optional<PasswordResetToken> findForUpdate(String tokenHash);

  /** Marks every unused token of the user used (after a reset, or a new one replaces them). */
  void useAllOf(UserId userId, Instant now);

  /** Deletes tokens that expired before {@code cutoff}; returns how many. */
  int purgeExpired(Instant cutoff);
}
