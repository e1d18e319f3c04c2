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
}
