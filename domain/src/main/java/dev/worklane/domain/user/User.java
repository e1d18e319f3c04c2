package dev.worklane.domain.user;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.Require;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The account aggregate. Immutable: behaviour returns the changed copy. {@code version} is the
 * optimistic lock of the stored row: a copy changed from a stale read cannot overwrite a newer
 * change (a password change racing an admin's disable must not re-activate the account).
 */
public record User(
    UserId id,
    Email email,
    String passwordHash,
    Set<Role> roles,
    UserStatus status,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public User {
    Require.present(id, "id");
    Require.present(email, "email");
    Require.present(passwordHash, "passwordHash");
    Require.present(roles, "roles");
    Require.present(status, "status");
    Require.present(createdAt, "createdAt");
    Require.present(updatedAt, "updatedAt");
    if (roles.isEmpty()) {
      throw new InvalidInputException("roles", "a user has at least one role");
    }
    roles = Set.copyOf(roles);
  }

  /** A self-registered account: role USER, active. */
  public static User register(UserId id, Email email, String passwordHash, Instant now) {
    return new User(id, email, passwordHash, EnumSet.of(Role.USER), UserStatus.ACTIVE, now, now, 0);
  }

  public boolean isActive() {
    return status == UserStatus.ACTIVE;
  }

  /** Highest role held, for coarse checks. */
  public Role highestRole() {
    return roles.stream().max(Enum::compareTo).orElseThrow();
  }

  public boolean can(Permission permission) {
    return roles.stream().anyMatch(role -> role.grants(permission));
  }

  public User changePassword(String newPasswordHash, Instant now) {
    return new User(id, email, newPasswordHash, roles, status, createdAt, now, version);
  }

  /** The same password under a current hashing scheme: not a change the user made. */
  public User rehashed(String currentSchemeHash) {
    return new User(id, email, currentSchemeHash, roles, status, createdAt, updatedAt, version);
  }

  public User changeRoles(Set<Role> newRoles, Instant now) {
    return new User(id, email, passwordHash, newRoles, status, createdAt, now, version);
  }

  public User disable(Instant now) {
    return new User(id, email, passwordHash, roles, UserStatus.DISABLED, createdAt, now, version);
  }
}
