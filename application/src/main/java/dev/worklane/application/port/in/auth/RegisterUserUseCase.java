package dev.worklane.application.port.in.auth;

import dev.worklane.application.port.in.user.UserAccount;

/** Self-service sign-up: creates the User (role USER) and its Profile in one transaction. */
public interface RegisterUserUseCase {
  UserAccount register(RegisterUserCommand command);
}
