package dev.worklane.adapter.out.security.password;

/**
 * Password hashing settings, mapped from configuration by bootstrap.
 *
 * @param bcryptStrength BCrypt cost; SPEC §4 asks for at least 10
 */
public record PasswordHashingSettings(int bcryptStrength) {
  public PasswordHashingSettings {
    if (bcryptStrength < 10 || bcryptStrength > 31) {
      throw new IllegalArgumentException("BCrypt cost must be between 10 and 31");
    }
  }
}
