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

  /**
   * A one-line name: 1 to {@code max} characters after stripping, not blank, no control characters
   * (checked before strip(), which would silently drop some of them).
   */
  public static String name(String value, String field, int max) {
    noControlCharacters(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new InvalidInputException(field, field + " must not be blank");
    }
    return text(stripped, field, 1, max);
  }

  /**
   * Free text that may span lines (descriptions): null or at most {@code max} characters; line
   * breaks and tabs are allowed, other control characters are not.
   */
  public static String optionalText(String value, String field, int max) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new InvalidInputException(field, field + " must not contain control characters");
      }
    }
    return text(value, field, 0, max);
  }
}
