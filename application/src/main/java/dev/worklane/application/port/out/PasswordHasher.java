package dev.worklane.application.port.out;

import dev.worklane.domain.user.Password;
import java.util.Optional;

/** One-way password hashing (BCrypt/Argon2id); the plain text never leaves the call. */
public interface PasswordHasher {
  String hash(Password password);

  boolean matches(String rawPassword, String hash);

  /**
   * Burns the same work as a {@link #matches} against a real hash, so that a login for an unknown
   * email takes as long as one with a wrong password.
   */
  void matchAgainstDummy(String rawPassword);

  /**
   * After {@link #matches} succeeded: a fresh hash of the same password when the stored one is of
   * an outdated scheme, so that login can replace it; empty when it is current.
   */
  default Optional<String> rehashIfOutdated(String rawPassword, String hash) {
    return Optional.empty();
  }
}
