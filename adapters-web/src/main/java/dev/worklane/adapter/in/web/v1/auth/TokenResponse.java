package dev.worklane.adapter.in.web.v1.auth;

/** {@code expiresIn} is the access token's lifetime in seconds (RFC 6749 §5.1). */
public record TokenResponse(
    String accessToken, String refreshToken, String tokenType, long expiresIn) {
  @Override
  public String toString() {
    return "TokenResponse[****]";
  }
}
