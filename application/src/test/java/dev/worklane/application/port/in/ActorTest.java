package dev.worklane.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.user.Permission;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {
  @Test
  void permissionsFollowTheRoleHierarchy() {
    Actor manager = new Actor(UserId.random(), Set.of(Role.MANAGER));
    assertThat(manager.can(Permission.PROJECT_CREATE)).isTrue();
    assertThat(manager.can(Permission.TASK_READ)).isTrue();
    assertThat(manager.can(Permission.USER_MANAGE)).isFalse();
    manager.require(Permission.REPORT_GENERATE);
    assertThatThrownBy(() -> manager.require(Permission.QUEUE_ADMIN))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void needsIdentityAndRoles() {
    assertThatThrownBy(() -> new Actor(null, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Actor(UserId.random(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
