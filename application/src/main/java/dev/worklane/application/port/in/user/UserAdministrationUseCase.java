package dev.worklane.application.port.in.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.util.Set;

/** Admin-only account management (permission user:manage). */
public interface UserAdministrationUseCase {

  /** Disables the account and revokes every refresh token of it. */
  UserAccount disable(Actor actor, UserId target);

  /** Every account, oldest first (offset pagination). */
  Page<UserAccount> list(Actor actor, PageRequest page);

  /**
   * Replaces the account's roles. Access tokens carry roles, so every token and session issued to
   * the account before the change ends (on every instance): its next login carries the new roles.
   */
  UserAccount changeRoles(Actor actor, UserId target, Set<Role> roles);
}
