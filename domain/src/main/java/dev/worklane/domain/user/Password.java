package dev.worklane.domain.user;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.Require;

/**
 * A plain-text password on its way to the hasher. Length 12–128. {@link #toString()} never reveals
 * the value, so it cannot leak through a log line or an exception message.
 */
public record Password(String value) {
  public static final int MIN = 12;
  public static final int MAX = 128;

  public Password {
    Require.noControlCharacters(value, "password");
    int length = value.codePointCount(0, value.length());
    if (length < MIN || length > MAX) {
      throw new InvalidInputException(
          "password", "password must be between " + MIN + " and " + MAX + " characters");
    }
  }

  @Override
  public String toString() {
    return "Password[****]";
  }
}
