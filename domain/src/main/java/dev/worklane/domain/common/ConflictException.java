package dev.worklane.domain.common;

/** The request collides with the current state (duplicate key, stale version). */
public non-sealed class ConflictException extends DomainException {
  public ConflictException(String code, String message) {
    super(code, message);
  }
}
