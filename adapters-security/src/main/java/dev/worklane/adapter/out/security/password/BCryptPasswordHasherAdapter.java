package dev.worklane.adapter.out.security.password;

import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.domain.user.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * BCrypt (cost ≥ 10, SPEC §4) through Spring Security's encoder. BCrypt reads at most 72 bytes and
 * Spring refuses longer input, while we accept 128 characters (up to 512 UTF-8 bytes): such long
 * passwords are first reduced with SHA-256 (base64), so every character counts.
 */
public class BCryptPasswordHasherAdapter implements PasswordHasher {
  private static final int BCRYPT_MAX_BYTES = 72;

  private final BCryptPasswordEncoder encoder;
  private final String dummyHash;

  public BCryptPasswordHasherAdapter(int strength) {
    if (strength < 10 || strength > 31) {
      throw new IllegalArgumentException("BCrypt cost must be between 10 and 31");
    }
    this.encoder = new BCryptPasswordEncoder(strength);
    // Same cost as real hashes, so matching against it takes the same time.
    this.dummyHash = encoder.encode(UUID.randomUUID().toString());
  }

  @Override
  public String hash(Password password) {
    return encoder.encode(fit(password.value()));
  }

  @Override
  public boolean matches(String rawPassword, String hash) {
    return rawPassword != null && hash != null && encoder.matches(fit(rawPassword), hash);
  }

  @Override
  public void matchAgainstDummy(String rawPassword) {
    encoder.matches(fit(rawPassword == null ? "" : rawPassword), dummyHash);
  }

  static String fit(String raw) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= BCRYPT_MAX_BYTES) {
      return raw;
    }
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
