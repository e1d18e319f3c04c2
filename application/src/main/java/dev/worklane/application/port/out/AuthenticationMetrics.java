package dev.worklane.application.port.out;

/** Counters operators alert on: failed logins (SPEC §3.5, §10) and refresh-token reuse. */
public interface AuthenticationMetrics {
  void loginSucceeded();

  /**
   * {@code reason} is a fixed word (unknown_email, wrong_password, account_disabled), never input.
   */
  void loginFailed(String reason);

  void refreshTokenReused();
}
