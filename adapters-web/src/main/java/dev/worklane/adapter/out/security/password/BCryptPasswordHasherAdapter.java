package dev.worklane.adapter.out.security.password;

import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.domain.user.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * BCrypt (cost ≥ 10) through Spring Security's encoder. BCrypt reads at most 72 bytes and Spring
 * refuses longer input, while we accept 128 characters (up to 512 UTF-8 bytes): such long passwords
 * are first reduced to {@link #REDUCED_PREFIX} + base64(SHA-256), so every character counts.
 *
 * <p>The prefix starts with a control character, which {@link Password} refuses, so no password
 * anyone can set is the reduced form of another; input that starts like it is reduced in turn.
 * Without it (hashes stored before the prefix) the bare digest was itself a valid password that
 * logged in as the long password's owner; such hashes still verify for the long password, and the
 * owner's next login replaces them ({@link #rehashIfOutdated}), which closes that door for good.
 */
public class BCryptPasswordHasherAdapter implements PasswordHasher {
  private static final int BCRYPT_MAX_BYTES = 72;
  static final String REDUCED_PREFIX = "\u0001sha256:";

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
    if (rawPassword == null || hash == null) {
      return false;
    }
    boolean matches = encoder.matches(fit(rawPassword), hash);
    if (!matches && isLong(rawPassword)) {
      // A long password hashed before the prefix existed.
      matches = encoder.matches(digest(rawPassword), hash);
    }
    return matches;
  }

  /** A long password whose stored hash is of the bare digest gets a hash of the marked form. */
  @Override
  public Optional<String> rehashIfOutdated(String rawPassword, String hash) {
    if (rawPassword == null || hash == null || !isLong(rawPassword)) {
      return Optional.empty();
    }
    String current = fit(rawPassword);
    return encoder.matches(current, hash) ? Optional.empty() : Optional.of(encoder.encode(current));
  }

  @Override
  public void matchAgainstDummy(String rawPassword) {
    String raw = rawPassword == null ? "" : rawPassword;
    encoder.matches(fit(raw), dummyHash);
    if (isLong(raw)) {
      // As many rounds as a wrong long password against a real hash.
      encoder.matches(digest(raw), dummyHash);
    }
  }

  static String fit(String raw) {
    return isLong(raw) || raw.startsWith(REDUCED_PREFIX.substring(0, 1))
        ? REDUCED_PREFIX + digest(raw)
        : raw;
  }

  private static boolean isLong(String raw) {
    return raw.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
  }

  private static String digest(String raw) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
