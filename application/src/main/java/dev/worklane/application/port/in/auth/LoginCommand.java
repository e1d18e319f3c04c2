package dev.worklane.application.port.in.auth;

import dev.worklane.domain.common.Require;

/**
 * Raw credentials. They are not validated as {@code Email}/{@code Password} here: a login with a
 * malformed email must fail like any other bad credential, without telling which part was wrong.
 *
 * @param client who is trying (the web adapter's client key: an IPv4 address or an IPv6 /64);
 *     failed logins are counted per account and client, so one client's guessing never locks out
 *     another
 */
public record LoginCommand(String email, String password, String client) {
  /** Callers without a network client (tests, tools) share one. */
  public static final String LOCAL_CLIENT = "local";

  public LoginCommand {
    Require.present(email, "email");
    Require.present(password, "password");
    client = client == null || client.isBlank() ? LOCAL_CLIENT : client;
  }

  public LoginCommand(String email, String password) {
    this(email, password, LOCAL_CLIENT);
  }

  @Override
  public String toString() {
    return "LoginCommand[email=" + email + ", password=****, client=" + client + "]";
  }
}
