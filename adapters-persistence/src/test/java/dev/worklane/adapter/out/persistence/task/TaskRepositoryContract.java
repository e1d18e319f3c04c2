package dev.worklane.adapter.out.persistence.task;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.VersionMismatchException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskRepository} must do, whatever stores it. Each test works in a project of
 * its own, so tests may share one store.
 */
abstract class TaskRepositoryContract {

  /**
   * The stores' order. Ties are broken by the id as PostgreSQL compares uuids (unsigned bytes), the
   * order of their lower-case text, not {@code UUID.compareTo}.
   */
  static final Comparator<Task> ORDER =
      Comparator.comparing(Task::createdAt).thenComparing(t -> t.id().toString());

  protected abstract TaskRepository tasks();

  protected abstract ProjectRepository projects();

  /** A user the store accepts as reporter and assignee. */
  protected abstract UserId existingUser();

  protected ProjectId newProject() {
    return projects().add(aProject(existingUser(), T1)).id();
  }

  @Test
  void addedTaskIsFoundWithEveryFieldToTheMicrosecond() {
    ProjectId project = newProject();
    Task task =
        Task.open(
                TaskId.random(),
                project,
                1,
                "Write the contract",
                "Every field, described",
                TaskPriority.URGENT,
                existingUser(),
                existingUser(),
                LocalDate.of(2026, 2, 28),
                T1)
            .moveTo(TaskStatus.IN_PROGRESS, T1.plusNanos(1_000));

    Task added = tasks().add(task);

    assertThat(added).isEqualTo(task);
    assertThat(tasks().findById(task.id())).contains(task);
  }

  @Test
  void optionalFieldsMayBeAbsent() {
    Task task = tasks().add(aTask(newProject(), 1, existingUser(), T1));

    assertThat(tasks().findById(task.id())).contains(task);
    assertThat(task.assigneeId()).isNull();
    assertThat(task.dueDate()).isNull();
    assertThat(task.description()).isNull();
  }

  @Test
  void findAnswersEmptyForAnUnknownTask() {
    assertThat(tasks().findById(TaskId.random())).isEmpty();
  }

  @Test
  void updateStoresTheChangeAtTheNextVersion() {
    UserId assignee = existingUser();
    Task task = tasks().add(aTask(newProject(), 1, existingUser(), T1));
    Task changed =
        task.retitle("Retitled", T1.plusSeconds(1))
            .moveTo(TaskStatus.DONE, T1.plusSeconds(1))
            .prioritise(TaskPriority.LOW, T1.plusSeconds(1))
            .assignTo(assignee, T1.plusSeconds(1))
            .due(LocalDate.of(2026, 3, 1), T1.plusSeconds(1))
            .describe("Now described", T1.plusSeconds(2));

    Task updated = tasks().update(changed);

    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated).usingRecursiveComparison().ignoringFields("version").isEqualTo(changed);
    assertThat(tasks().findById(task.id())).contains(updated);
    assertThat(tasks().update(updated.assignTo(null, T1.plusSeconds(3))).version()).isEqualTo(2);
    assertThat(tasks().findById(task.id()).orElseThrow().assigneeId()).isNull();
  }

  @Test
  void anUpdateFromAnOlderVersionIsAMismatchAndChangesNothing() {
    Task read = tasks().add(aTask(newProject(), 1, existingUser(), T1));
    Task first = tasks().update(read.retitle("First", T1.plusSeconds(1)));

    assertThatThrownBy(() -> tasks().update(read.retitle("Second", T1.plusSeconds(2))))
        .isInstanceOfSatisfying(
            VersionMismatchException.class,
            e -> assertThat(e.code()).isEqualTo("PRECONDITION_FAILED"));
    assertThat(tasks().findById(read.id())).contains(first);
  }

  @Test
  void deleteAtTheCurrentVersionRemovesTheTask() {
    Task task = tasks().add(aTask(newProject(), 1, existingUser(), T1));

    tasks().delete(task);

    assertThat(tasks().findById(task.id())).isEmpty();
  }

  @Test
  void aDeleteFromAnOlderVersionIsAMismatchAndKeepsTheTask() {
    Task read = tasks().add(aTask(newProject(), 1, existingUser(), T1));
    Task changed = tasks().update(read.moveTo(TaskStatus.DONE, T1.plusSeconds(1)));

    assertThatThrownBy(() -> tasks().delete(read)).isInstanceOf(VersionMismatchException.class);
    assertThat(tasks().findById(read.id())).contains(changed);
  }

  @Test
  void changingATaskThatIsGoneIsNotFound() {
    Task task = tasks().add(aTask(newProject(), 1, existingUser(), T1));
    tasks().delete(task);

    assertThatThrownBy(() -> tasks().update(task.retitle("Late", T1.plusSeconds(1))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tasks().delete(task)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void cursorPagesWalkEveryTaskOnceInOrderWhateverThePageSize() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    List<Task> added = new ArrayList<>();
    for (int n = 1; n <= 7; n++) {
      // tasks 3, 4 and 5 share one instant: the id decides their order
      Instant at = T1.plusSeconds(n >= 3 && n <= 5 ? 3 : n);
      added.add(tasks().add(aTask(project, n, reporter, at)));
    }
    tasks().add(aTask(newProject(), 1, reporter, T1)); // another project's task
    List<Task> expected = added.stream().sorted(ORDER).toList();

    for (int perPage : new int[] {1, 2, 3, 7, 8, 100}) {
      assertThat(walk(c -> tasks().list(project, TaskFilter.none(), c), perPage))
          .as("perPage %d", perPage)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theLastPageHasNoNextAndAnEmptyProjectOnePageWithoutItems() {
    ProjectId project = newProject();
    Task only = tasks().add(aTask(project, 1, existingUser(), T1));

    CursorPage<Task> full = tasks().list(project, TaskFilter.none(), CursorRequest.first(1));
    CursorPage<Task> empty = tasks().list(newProject(), TaskFilter.none(), CursorRequest.first(5));

    assertThat(full.items()).containsExactly(only);
    assertThat(full.next()).isNull();
    assertThat(empty.items()).isEmpty();
    assertThat(empty.next()).isNull();
  }

  /** Tasks created while a client walks the list are never a reason to skip or repeat one. */
  @Test
  void aWalkIsStableWhileTasksAreAdded() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    List<Task> before = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      before.add(tasks().add(aTask(project, n, reporter, T1.plusSeconds(n))));
    }
    List<Task> seen = new ArrayList<>();
    CursorPage<Task> page = tasks().list(project, TaskFilter.none(), CursorRequest.first(2));
    seen.addAll(page.items());
    long number = 7;
    Task appended = null;
    while (page.next() != null) {
      appended = tasks().add(aTask(project, number++, reporter, T1.plusSeconds(100 + number)));
      page = tasks().list(project, TaskFilter.none(), new CursorRequest(page.next(), 2));
      seen.addAll(page.items());
    }

    assertThat(seen).doesNotHaveDuplicates().containsSubsequence(before).contains(appended);
    assertThat(seen).isSortedAccordingTo(ORDER);
  }

  @Test
  void filtersByStatusAndAssigneeAlone() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    UserId ada = existingUser();
    UserId bob = existingUser();
    List<Task> all = new ArrayList<>();
    for (int n = 1; n <= 9; n++) {
      Task task =
          aTask(project, n, reporter, T1.plusSeconds(n))
              .moveTo(TaskStatus.values()[n % 3], T1.plusSeconds(n))
              .assignTo(n % 2 == 0 ? ada : (n % 3 == 0 ? bob : null), T1.plusSeconds(n));
      all.add(tasks().add(task));
    }

    for (TaskStatus status : TaskStatus.values()) {
      assertThat(walk(c -> tasks().list(project, new TaskFilter(status, null), c), 2))
          .as("status %s", status)
          .containsExactlyElementsOf(
              all.stream().filter(t -> t.status() == status).sorted(ORDER).toList());
    }
    assertThat(walk(c -> tasks().list(project, new TaskFilter(null, ada), c), 2))
        .containsExactlyElementsOf(
            all.stream().filter(t -> ada.equals(t.assigneeId())).sorted(ORDER).toList());
    assertThat(walk(c -> tasks().list(project, new TaskFilter(TaskStatus.TODO, ada), c), 1))
        .containsExactlyElementsOf(
            all.stream()
                .filter(t -> ada.equals(t.assigneeId()) && t.status() == TaskStatus.TODO)
                .sorted(ORDER)
                .toList());
  }

  /** The export's walk (issue #13): the list's order and filters, any page size, no offset. */
  @Test
  void listAfterWalksTheFilteredTasksInTheListOrderAndCountAgrees() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    UserId ada = existingUser();
    List<Task> all = new ArrayList<>();
    for (int n = 1; n <= 9; n++) {
      Instant at = T1.plusSeconds(n >= 3 && n <= 5 ? 3 : n);
      all.add(
          tasks()
              .add(
                  aTask(project, n, reporter, at)
                      .moveTo(n % 2 == 0 ? TaskStatus.DONE : TaskStatus.TODO, at)
                      .assignTo(n % 3 == 0 ? ada : null, at)));
    }
    tasks().add(aTask(newProject(), 1, reporter, T1)); // another project's task

    for (TaskFilter filter :
        List.of(
            TaskFilter.none(),
            new TaskFilter(TaskStatus.DONE, null),
            new TaskFilter(null, ada),
            new TaskFilter(TaskStatus.TODO, ada))) {
      List<Task> expected =
          all.stream()
              .filter(t -> filter.status() == null || t.status() == filter.status())
              .filter(
                  t -> filter.assigneeId() == null || filter.assigneeId().equals(t.assigneeId()))
              .sorted(ORDER)
              .toList();
      for (int limit : new int[] {1, 2, 4, 9, 10}) {
        List<Task> walked = new ArrayList<>();
        List<Task> page;
        Position after = null;
        do {
          page = tasks().listAfter(project, filter, after, limit);
          assertThat(page).hasSizeLessThanOrEqualTo(limit);
          walked.addAll(page);
          if (!page.isEmpty()) {
            after = new Position(page.getLast().createdAt(), page.getLast().id().value());
          }
        } while (page.size() == limit);
        assertThat(walked).as("%s, limit %d", filter, limit).containsExactlyElementsOf(expected);
      }
      assertThat(tasks().count(project, filter)).as("%s", filter).isEqualTo(expected.size());
    }
    assertThat(tasks().count(newProject(), TaskFilter.none())).isZero();
  }

  @Test
  void theSummaryCountsTasksByStatus() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    TaskStatus[] statuses = {
      TaskStatus.TODO, TaskStatus.DONE, TaskStatus.DONE, TaskStatus.DONE, TaskStatus.TODO
    };
    for (int n = 1; n <= statuses.length; n++) {
      tasks().add(aTask(project, n, reporter, T1).moveTo(statuses[n - 1], T1.plusSeconds(n)));
    }
    tasks().add(aTask(newProject(), 1, reporter, T1)); // another project's task

    assertThat(tasks().summarise(project)).isEqualTo(new ProjectSummary(2, 0, 3));
    assertThat(tasks().summarise(newProject())).isEqualTo(new ProjectSummary(0, 0, 0));
  }

  @Test
  void unassignAllClearsOnlyThatMembersTasksInThatProjectAndMovesTheirVersion() {
    ProjectId project = newProject();
    ProjectId other = newProject();
    UserId reporter = existingUser();
    UserId leaving = existingUser();
    UserId staying = existingUser();
    Task mine1 = tasks().add(aTask(project, 1, reporter, T1).assignTo(leaving, T1));
    Task mine2 = tasks().add(aTask(project, 2, reporter, T1).assignTo(leaving, T1));
    Task theirs = tasks().add(aTask(project, 3, reporter, T1).assignTo(staying, T1));
    Task elsewhere = tasks().add(aTask(other, 1, reporter, T1).assignTo(leaving, T1));
    Instant now = T1.plusSeconds(60);

    int unassigned = tasks().unassignAll(project, leaving, now);

    assertThat(unassigned).isEqualTo(2);
    for (Task task : List.of(mine1, mine2)) {
      Task stored = tasks().findById(task.id()).orElseThrow();
      assertThat(stored.assigneeId()).isNull();
      assertThat(stored.updatedAt()).isEqualTo(now);
      assertThat(stored.version()).isEqualTo(task.version() + 1);
    }
    assertThat(tasks().findById(theirs.id())).contains(theirs);
    assertThat(tasks().findById(elsewhere.id())).contains(elsewhere);
    assertThat(tasks().unassignAll(project, leaving, now)).isZero();
  }

  /** Follows {@code next} from the first page to the last, collecting every item. */
  static <T> List<T> walk(Function<CursorRequest, CursorPage<T>> pages, int perPage) {
    List<T> items = new ArrayList<>();
    CursorRequest request = CursorRequest.first(perPage);
    while (true) {
      CursorPage<T> page = pages.apply(request);
      assertThat(page.perPage()).isEqualTo(perPage);
      items.addAll(page.items());
      if (page.next() == null) {
        assertThat(page.items()).hasSizeLessThanOrEqualTo(perPage);
        return items;
      }
      assertThat(page.items()).hasSize(perPage);
      request = new CursorRequest(page.next(), perPage);
    }
  }
}
