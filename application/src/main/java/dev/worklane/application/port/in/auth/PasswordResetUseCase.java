package dev.worklane.application.port.in.auth;

import dev.worklane.domain.user.Email;

/** Password reset by email. */
public interface PasswordResetUseCase {

  /**
   * Queues a reset email when an active account has this address; does the same work and returns
   * the same way when none has (no account enumeration). 3 per hour per normalised address.
   */
  void requestReset(Email email);

  /**
   * Sets the new password and ends every token and session of the account, on every instance. An
   * unknown, used or expired token throws {@link
   * dev.worklane.domain.auth.InvalidResetTokenException}.
   */
  void confirmReset(ConfirmPasswordResetCommand command);
}
