package dev.worklane.domain.user;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised (trimmed, lower-cased) so that uniqueness is case-insensitive. The
 * syntax check is the pragmatic one (local@domain.tld); deliverability is proven by mail.
 */
public record Email(String value) {
  public static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE =
      Pattern.compile(
          "^[^\\s@\"<>(),;:\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  public Email {
    Require.noControlCharacters(value, "email");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new InvalidInputException("email", "email must be a valid address");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
