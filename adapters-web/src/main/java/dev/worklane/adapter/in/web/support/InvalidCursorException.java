package dev.worklane.adapter.in.web.support;

/**
 * A cursor that this instance (or a sibling sharing its secret) did not issue for this list:
 * edited, truncated, forged, or taken from another list. Answered 400 {@code INVALID_CURSOR}.
 */
public class InvalidCursorException extends RuntimeException {
  public InvalidCursorException() {
    super("The cursor is invalid; start again from the first page");
  }
}
