package dev.worklane.domain.user;

import java.util.EnumSet;
import java.util.Set;

/** Role hierarchy ADMIN &gt; MANAGER &gt; USER: a higher role has every permission of the lower. */
public enum Role {
  USER(EnumSet.of(Permission.TASK_READ, Permission.TASK_WRITE)),
  MANAGER(
      EnumSet.of(
          Permission.PROJECT_CREATE,
          Permission.PROJECT_MANAGE_MEMBERS,
          Permission.REPORT_GENERATE)),
  ADMIN(EnumSet.of(Permission.PROJECT_READ_ANY, Permission.USER_MANAGE, Permission.QUEUE_ADMIN));

  private final Set<Permission> own;

  Role(Set<Permission> own) {
    this.own = own;
  }

  /** True when this role is {@code other} or above it in the hierarchy. */
  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }

  public boolean grants(Permission permission) {
    for (Role role : values()) {
      if (includes(role) && role.own.contains(permission)) {
        return true;
      }
    }
    return false;
  }
}
