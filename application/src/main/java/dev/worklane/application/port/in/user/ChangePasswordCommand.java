package dev.worklane.application.port.in.user;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.Password;

/** The current password proves it is really the owner; the new one follows the password rules. */
public record ChangePasswordCommand(String currentPassword, Password newPassword) {
  public ChangePasswordCommand {
    Require.present(currentPassword, "currentPassword");
    Require.present(newPassword, "newPassword");
  }

  @Override
  public String toString() {
    return "ChangePasswordCommand[****]";
  }
}
