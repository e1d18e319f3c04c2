package dev.worklane.application.service.auth;

import java.time.Duration;

/** Token lifetimes (seed: access 7 days, refresh 30 days absolute). */
public record AuthSettings(Duration accessTokenTtl, Duration refreshTokenTtl) {
  public AuthSettings {
    if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
      throw new IllegalArgumentException("accessTokenTtl must be positive");
    }
    if (refreshTokenTtl == null || refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
      throw new IllegalArgumentException("refreshTokenTtl must be positive");
    }
  }

  public static AuthSettings defaults() {
    return new AuthSettings(Duration.ofDays(7), Duration.ofDays(30));
  }
}
