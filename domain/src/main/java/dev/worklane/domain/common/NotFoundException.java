package dev.worklane.domain.common;

/** The resource does not exist, or the caller may not know that it exists. */
public non-sealed class NotFoundException extends DomainException {
  public NotFoundException(String what) {
    super("NOT_FOUND", what + " not found");
  }
}
