package dev.worklane.application.port.in.auth;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.Password;

/** The token from the reset email and the new password (which follows the password rules). */
public record ConfirmPasswordResetCommand(String token, Password newPassword) {
  public ConfirmPasswordResetCommand {
    Require.present(token, "token");
    Require.present(newPassword, "newPassword");
  }

  @Override
  public String toString() {
    return "ConfirmPasswordResetCommand[****]";
  }
}
