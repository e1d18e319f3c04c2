package dev.worklane.application.port.in.user;

import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import dev.worklane.domain.user.UserStatus;
import java.time.Instant;
import java.util.Set;

/**
 * The read model of the account endpoints: the user without its password hash, plus its profile.
 * Safe to cache and to hand to any adapter.
 */
public record UserAccount(
    UserId id,
    Email email,
    Set<Role> roles,
    UserStatus status,
    Instant createdAt,
    Instant updatedAt,
    Profile profile) {

  public UserAccount {
    roles = Set.copyOf(roles);
  }

  public static UserAccount of(User user, Profile profile) {
    return new UserAccount(
        user.id(),
        user.email(),
        user.roles(),
        user.status(),
        user.createdAt(),
        user.updatedAt(),
        profile);
  }
}
