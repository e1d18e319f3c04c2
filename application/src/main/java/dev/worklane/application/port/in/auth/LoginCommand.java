package dev.worklane.application.port.in.auth;

import dev.worklane.domain.common.Require;

/**
 * Raw credentials. They are not validated as {@code Email}/{@code Password} here: a login with a
 * malformed email must fail like any other bad credential, without telling which part was wrong.
 */
public record LoginCommand(String email, String password) {
  public LoginCommand {
    Require.present(email, "email");
    Require.present(password, "password");
  }

  @Override
  public String toString() {
    return "LoginCommand[email=" + email + ", password=****]";
  }
}
