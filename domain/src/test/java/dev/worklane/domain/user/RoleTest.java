package dev.worklane.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void higherRolesIncludeLowerOnes() {
    assertThat(Role.ADMIN.includes(Role.MANAGER)).isTrue();
    assertThat(Role.ADMIN.includes(Role.USER)).isTrue();
    assertThat(Role.MANAGER.includes(Role.USER)).isTrue();
    assertThat(Role.USER.includes(Role.MANAGER)).isFalse();
    assertThat(Role.MANAGER.includes(Role.ADMIN)).isFalse();
  }

  @Test
  void permissionsFollowTheSpecTable() {
    assertThat(Role.USER.grants(Permission.TASK_WRITE)).isTrue();
    assertThat(Role.USER.grants(Permission.PROJECT_CREATE)).isFalse();
    assertThat(Role.MANAGER.grants(Permission.PROJECT_CREATE)).isTrue();
    assertThat(Role.MANAGER.grants(Permission.TASK_READ)).isTrue();
    assertThat(Role.MANAGER.grants(Permission.USER_MANAGE)).isFalse();
    assertThat(Role.ADMIN.grants(Permission.USER_MANAGE)).isTrue();
    assertThat(Role.ADMIN.grants(Permission.REPORT_GENERATE)).isTrue();
    assertThat(Permission.USER_MANAGE.label()).isEqualTo("user:manage");
  }
}
