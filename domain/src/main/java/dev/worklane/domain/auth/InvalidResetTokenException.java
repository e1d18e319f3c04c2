package dev.worklane.domain.auth;

import dev.worklane.domain.common.InvalidInputException;

/** A password-reset token that is unknown, used or expired: 400 {@code INVALID_RESET_TOKEN}. */
public final class InvalidResetTokenException extends InvalidInputException {
  public InvalidResetTokenException() {
    super("INVALID_RESET_TOKEN", "token", "The reset token is invalid or has expired");
  }
}
