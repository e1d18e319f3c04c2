package dev.worklane.domain.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

  @Test
  void registrationCreatesAnActiveUserWithRoleUser() {
    User user = User.register(UserId.random(), new Email("a@b.io"), "hash", T0);
    assertThat(user.roles()).containsExactly(Role.USER);
    assertThat(user.isActive()).isTrue();
    assertThat(user.createdAt()).isEqualTo(T0).isEqualTo(user.updatedAt());
  }

  @Test
  void disablingKeepsIdentityAndStampsUpdate() {
    User user = aUser().build();
    Instant later = T0.plusSeconds(60);
    User disabled = user.disable(later);
    assertThat(disabled.isActive()).isFalse();
    assertThat(disabled.status()).isEqualTo(UserStatus.DISABLED);
    assertThat(disabled.id()).isEqualTo(user.id());
    assertThat(disabled.updatedAt()).isEqualTo(later);
    assertThat(disabled.version())
        .as("the stored row's version is the repository's to advance")
        .isEqualTo(user.version());
  }

  @Test
  void aRehashKeepsEverythingButTheHash() {
    User user = aUser().passwordHash("old").build();
    User rehashed = user.rehashed("new");
    assertThat(rehashed.passwordHash()).isEqualTo("new");
    assertThat(rehashed.updatedAt()).isEqualTo(user.updatedAt());
    assertThat(rehashed.version()).isEqualTo(user.version());
    assertThat(rehashed.roles()).isEqualTo(user.roles());
  }

  @Test
  void permissionsComeFromEveryRoleHeld() {
    assertThat(aUser().roles(Role.ADMIN).build().can(Permission.USER_MANAGE)).isTrue();
    assertThat(aUser().build().can(Permission.USER_MANAGE)).isFalse();
    assertThat(aUser().roles(Role.USER, Role.MANAGER).build().highestRole())
        .isEqualTo(Role.MANAGER);
  }

  @Test
  void aUserHasAtLeastOneRole() {
    assertThatThrownBy(
            () ->
                new User(
                    UserId.random(),
                    new Email("a@b.io"),
                    "h",
                    Set.of(),
                    UserStatus.ACTIVE,
                    T0,
                    T0,
                    0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one role");
  }

  @Test
  void userIdParsesAndPrints() {
    UserId id = UserId.random();
    assertThat(UserId.of(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> new UserId(null)).isInstanceOf(InvalidInputException.class);
  }
}
