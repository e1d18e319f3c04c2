package dev.worklane.adapter.in.web.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Access-token settings. Signing keys come, in order, from {@code keysJson} (a JWK set with private
 * keys, e.g. injected from a secret store), from {@code keysFile}, or — in the embedded default —
 * are generated once into {@code keysFile}. {@code jwkSetUri}, when set, makes the resource server
 * trust an external issuer instead of Worklane's own keys.
 *
 * @param activeKeyId kid of the key that signs new tokens; blank = the first key of the set. Keys
 *     after it stay published, so tokens they signed remain valid until removed.
 */
public record JwtSettings(
    String issuer,
    String audience,
    Duration accessTokenTtl,
    String keysJson,
    Path keysFile,
    boolean generateKeysIfMissing,
    String activeKeyId,
    URI jwkSetUri) {

  public JwtSettings {
    if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("JWT issuer and audience must be configured");
    }
    if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
      throw new IllegalArgumentException("JWT access-token TTL must be positive");
    }
  }
}
