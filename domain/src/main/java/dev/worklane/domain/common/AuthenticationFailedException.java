package dev.worklane.domain.common;

/**
 * Credentials or tokens were rejected. The message is deliberately the same for every cause
 * (unknown email, wrong password, disabled account) so that answers do not enumerate accounts.
 */
public non-sealed class AuthenticationFailedException extends DomainException {
  public AuthenticationFailedException(String code, String message) {
    super(code, message);
  }

  public static AuthenticationFailedException badCredentials() {
    return new AuthenticationFailedException("INVALID_CREDENTIALS", "Invalid email or password");
  }

  public static AuthenticationFailedException invalidRefreshToken() {
    return new AuthenticationFailedException(
        "INVALID_REFRESH_TOKEN", "Refresh token is invalid, expired or revoked");
  }
}
