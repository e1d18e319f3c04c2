package dev.worklane.application.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque bearer secrets (refresh tokens): 256 random bits, base64url. Only the SHA-256 of a token
 * is stored — enough for a high-entropy secret, and a database leak yields nothing usable.
 */
public final class OpaqueTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private OpaqueTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  public static String hash(String token) {
    return sha256Hex(token);
  }

  /**
   * A stable pseudonym for logs (an email's hash): lets operators correlate without the address.
   */
  public static String fingerprint(String value) {
    return sha256Hex(value).substring(0, 16);
  }

  private static String sha256Hex(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
