package dev.worklane.domain.task;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.VersionMismatchException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.user.UserId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskTest {
  final UserId reporter = UserId.random();
  final Task task =
      Task.open(
          TaskId.random(), ProjectId.random(), 42, "Ship it", null, null, null, reporter, null, T0);

  @Test
  void aNewTaskIsTodoMediumAtVersionZeroAndShownWithItsProjectKey() {
    assertThat(task.status()).isEqualTo(TaskStatus.TODO);
    assertThat(task.priority()).isEqualTo(TaskPriority.MEDIUM);
    assertThat(task.version()).isZero();
    assertThat(task.displayKey(new ProjectKey("WL"))).isEqualTo("WL-42");
  }

  @Test
  void behaviourReturnsChangedCopiesWithTheNewUpdateTime() {
    UserId ada = UserId.random();
    Task changed =
        task.retitle("Ship it today", T0.plusSeconds(1))
            .describe("details\nmore", T0.plusSeconds(2))
            .moveTo(TaskStatus.IN_PROGRESS, T0.plusSeconds(3))
            .prioritise(TaskPriority.URGENT, T0.plusSeconds(4))
            .assignTo(ada, T0.plusSeconds(5))
            .due(LocalDate.of(2026, 12, 24), T0.plusSeconds(6));

    assertThat(changed.title()).isEqualTo("Ship it today");
    assertThat(changed.description()).isEqualTo("details\nmore");
    assertThat(changed.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(changed.priority()).isEqualTo(TaskPriority.URGENT);
    assertThat(changed.assigneeId()).isEqualTo(ada);
    assertThat(changed.dueDate()).isEqualTo(LocalDate.of(2026, 12, 24));
    assertThat(changed.updatedAt()).isEqualTo(T0.plusSeconds(6));
    assertThat(changed.createdAt()).isEqualTo(T0);
    assertThat(changed.version()).as("the repository advances it").isZero();
    assertThat(changed.assignTo(null, T0).due(null, T0).assigneeId()).isNull();
    assertThat(task.title()).isEqualTo("Ship it");
  }

  @Test
  void invariantsHold() {
    assertThatThrownBy(() -> task.retitle(" ", T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> task.retitle("x".repeat(Task.TITLE_MAX + 1), T0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> task.moveTo(null, T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> task.prioritise(null, T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                Task.open(
                    TaskId.random(),
                    ProjectId.random(),
                    0,
                    "t",
                    null,
                    null,
                    null,
                    reporter,
                    null,
                    T0))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("number"));
  }

  @Test
  void aChangeFromAnOlderVersionIsRefused() {
    task.requireVersion(0);
    assertThatThrownBy(() -> task.requireVersion(1))
        .isInstanceOfSatisfying(
            VersionMismatchException.class,
            e -> assertThat(e.code()).isEqualTo("PRECONDITION_FAILED"));
  }
}
