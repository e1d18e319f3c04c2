package dev.worklane.application.service.auth;

import java.time.Duration;

/** Token lifetimes (seed: access 7 days, refresh 30 days absolute). */
public record AuthSettings(Duration accessTokenTtl, Duration refreshTokenTtl) {
  public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofDays(7);
  public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(30);

  public AuthSettings {
    if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
      throw new IllegalArgumentException("accessTokenTtl must be positive");
    }
    if (refreshTokenTtl == null || refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
      throw new IllegalArgumentException("refreshTokenTtl must be positive");
    }
  }

  public static AuthSettings defaults() {
    return new AuthSettings(DEFAULT_ACCESS_TOKEN_TTL, DEFAULT_REFRESH_TOKEN_TTL);
  }
}
