package dev.worklane.application.port.in.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * What a logout ends: the refresh family of the session and the access token presented (its {@code
 * jti} is denylisted until it expires). Every part is optional: a browser session has none.
 */
public record LogoutCommand(
    UUID sessionFamilyId, String accessTokenId, Instant accessTokenExpiresAt) {
  public static LogoutCommand none() {
    return new LogoutCommand(null, null, null);
  }
}
