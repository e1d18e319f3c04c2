package dev.worklane.domain.project;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectTest {
  final Project project =
      Project.create(
          ProjectId.random(), new ProjectKey("WL"), " Worklane ", null, UserId.random(), T0);

  @ParameterizedTest
  @ValueSource(strings = {"WL", "ABCDEFGHIJ", "DEMO"})
  void keysAreTwoToTenUpperCaseLetters(String key) {
    assertThat(new ProjectKey(key).value()).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"W", "ABCDEFGHIJK", "wl", "W1", "W-L", "ÄB", " WL", ""})
  void otherKeysAreRefused(String key) {
    assertThatThrownBy(() -> new ProjectKey(key))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
  }

  @Test
  void aNewProjectIsActiveWithItsNameStripped() {
    assertThat(project.name()).isEqualTo("Worklane");
    assertThat(project.archived()).isFalse();
    assertThat(project.version()).isZero();
    assertThat(project.createdAt()).isEqualTo(T0).isEqualTo(project.updatedAt());
  }

  @Test
  void namesAndDescriptionsAreChecked() {
    assertThatThrownBy(() -> project.rename("   ", T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> project.rename("a\u0000b", T0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> project.rename("x".repeat(Project.NAME_MAX + 1), T0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> project.describe("bell\u0007", T0))
        .isInstanceOf(InvalidInputException.class);
    assertThat(project.describe("line one\nline two\ttabbed", T0.plusSeconds(1)).description())
        .isEqualTo("line one\nline two\ttabbed");
    assertThat(project.describe(null, T0).description()).isNull();
  }

  @Test
  void anArchivedProjectIsReadOnlyAndArchivingTwiceChangesNothing() {
    Project archived = project.archive(T0.plusSeconds(5));
    assertThat(archived.archived()).isTrue();
    assertThat(archived.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(archived.archive(T0.plusSeconds(9))).isSameAs(archived);
    assertThatThrownBy(() -> archived.rename("New", T0))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_ARCHIVED"));
    assertThatThrownBy(archived::requireWritable).isInstanceOf(ConflictException.class);
  }

  @Test
  void membersKnowWhetherTheyOwnTheProject() {
    assertThat(new ProjectMember(project.id(), UserId.random(), ProjectRole.OWNER, T0).isOwner())
        .isTrue();
    assertThat(new ProjectMember(project.id(), UserId.random(), ProjectRole.MEMBER, T0).isOwner())
        .isFalse();
    assertThat(new ProjectKeyTakenException(project.key()).code()).isEqualTo("PROJECT_KEY_TAKEN");
  }
}
