package dev.worklane.application.port.in.auth;

import java.time.Duration;

/** What a successful login or refresh hands back. */
public record IssuedTokens(String accessToken, String refreshToken, Duration accessTokenTtl) {
  public static final String TOKEN_TYPE = "Bearer";

  @Override
  public String toString() {
    return "IssuedTokens[****]";
  }
}
