package dev.worklane.application.port.in.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.domain.user.UserId;

/** Admin-only account management (permission user:manage). */
public interface UserAdministrationUseCase {

  /** Disables the account and revokes every refresh token of it. */
  UserAccount disable(Actor actor, UserId target);
}
