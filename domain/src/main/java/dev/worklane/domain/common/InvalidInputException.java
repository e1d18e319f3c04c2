package dev.worklane.domain.common;

/** A value breaks a domain invariant; {@link #field()} names the offending input. */
public non-sealed class InvalidInputException extends DomainException {
  private final String field;

  public InvalidInputException(String field, String message) {
    this("VALIDATION_FAILED", field, message);
  }

  /** For a more specific 400 code than {@code VALIDATION_FAILED}. */
  protected InvalidInputException(String code, String field, String message) {
    super(code, message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
