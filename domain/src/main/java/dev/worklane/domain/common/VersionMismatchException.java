package dev.worklane.domain.common;

/**
 * The caller changed a resource from a version that is no longer current (HTTP {@code If-Match}
 * with a stale ETag): nothing was written.
 */
public non-sealed class VersionMismatchException extends DomainException {
  public VersionMismatchException(String what) {
    super("PRECONDITION_FAILED", what + " was changed meanwhile; fetch it again and retry");
  }
}
