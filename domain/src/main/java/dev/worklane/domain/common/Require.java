package dev.worklane.domain.common;

/** Tiny guard helpers for compact constructors; they throw {@link InvalidInputException}. */
public final class Require {
  private Require() {}

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, field + " is required");
    }
    return value;
  }

  public static String text(String value, String field, int min, int max) {
    present(value, field);
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      throw new InvalidInputException(
          field, field + " must be between " + min + " and " + max + " characters");
    }
    return value;
  }

  /**
   * Rejects control characters (C0, DEL, C1): they are never part of a name, an address or a
   * password, break logs and terminals, and PostgreSQL cannot store U+0000 in text at all.
   */
  public static String noControlCharacters(String value, String field) {
    present(value, field);
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(field, field + " must not contain control characters");
      }
    }
    return value;
  }
}
