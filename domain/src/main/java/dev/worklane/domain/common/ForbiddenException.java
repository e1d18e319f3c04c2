package dev.worklane.domain.common;

/** The caller is known but lacks the permission the operation needs. */
public non-sealed class ForbiddenException extends DomainException {
  private final String permission;

  public ForbiddenException(String permission) {
    super("FORBIDDEN", "Missing permission " + permission);
    this.permission = permission;
  }

  public String permission() {
    return permission;
  }
}
