package dev.worklane.domain.user;

import dev.worklane.domain.common.ConflictException;

public class EmailAlreadyRegisteredException extends ConflictException {
  public EmailAlreadyRegisteredException() {
    super("EMAIL_TAKEN", "An account with this email already exists");
  }
}
