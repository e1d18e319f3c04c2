package dev.worklane.application.port.in.auth;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Password;

/** displayName is optional: the email's local part is used when absent. */
public record RegisterUserCommand(Email email, Password password, String displayName) {
  public RegisterUserCommand {
    Require.present(email, "email");
    Require.present(password, "password");
  }
}
