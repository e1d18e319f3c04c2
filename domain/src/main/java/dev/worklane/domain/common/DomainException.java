package dev.worklane.domain.common;

/**
 * Root of the small domain error hierarchy. Each subtype maps to one HTTP status in the web
 * adapter's single error translator; {@link #code()} is the stable machine-readable code.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFoundException,
        ConflictException,
        ForbiddenException,
        InvalidInputException,
        AuthenticationFailedException,
        RateLimitedException,
        VersionMismatchException {

  private final String code;

  protected DomainException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
