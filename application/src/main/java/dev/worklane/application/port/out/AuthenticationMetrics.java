package dev.worklane.application.port.out;

/** Counters operators alert on: failed logins and refresh-token reuse. */
public interface AuthenticationMetrics {
  void loginSucceeded();

  /**
   * {@code reason} is a fixed word (unknown_email, wrong_password, account_disabled), never input.
   */
  void loginFailed(String reason);

  void refreshTokenReused();
}
