package dev.worklane.domain.common;

/** A value breaks a domain invariant; {@link #field()} names the offending input. */
public non-sealed class InvalidInputException extends DomainException {
  private final String field;

  public InvalidInputException(String field, String message) {
    super("VALIDATION_FAILED", message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
