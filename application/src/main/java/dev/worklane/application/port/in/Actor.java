package dev.worklane.application.port.in;

import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.user.Permission;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.util.Set;

/**
 * The authenticated caller as the web adapter saw it (token or session). Use cases decide
 * permissions from it; the web layer only authenticates.
 */
public record Actor(UserId userId, Set<Role> roles) {
  public Actor {
    if (userId == null || roles == null) {
      throw new IllegalArgumentException("actor needs a user id and roles");
    }
    roles = Set.copyOf(roles);
  }

  public boolean can(Permission permission) {
    return roles.stream().anyMatch(role -> role.grants(permission));
  }

  /** Throws {@link ForbiddenException} unless the actor holds the permission. */
  public void require(Permission permission) {
    if (!can(permission)) {
      throw new ForbiddenException(permission.label());
    }
  }
}
