package dev.worklane.application.service.task;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.Change;
import dev.worklane.application.port.in.task.CreateTaskCommand;
import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.application.port.in.task.UpdateTaskCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.VersionMismatchException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class TaskServiceTest {
  @Mock TaskRepository tasks;
  @Mock ProjectRepository projects;
  @Mock ProfileRepository profiles;
  @Mock Cache cache;
  @Mock Runnable commit;
  DirectTransactions transactions;

  final Actor member = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor outsider = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor admin = new Actor(UserId.random(), Set.of(Role.ADMIN));
  final UserId colleague = UserId.random();
  final Project project =
      Project.create(
          ProjectId.random(), new ProjectKey("WL"), "Worklane", null, member.userId(), T0);
  final Task task =
      Task.open(
          TaskId.random(), project.id(), 7, "Ship", null, null, null, member.userId(), null, T0);

  @BeforeEach
  void world() {
    transactions = new DirectTransactions(commit);
    lenient().when(cache.get(any(), any())).thenReturn(Cache.Lookup.miss(0));
    lenient().when(projects.findById(project.id())).thenReturn(Optional.of(project));
    lenient()
        .when(projects.findMember(project.id(), member.userId()))
        .thenReturn(
            Optional.of(new ProjectMember(project.id(), member.userId(), ProjectRole.MEMBER, T0)));
    lenient()
        .when(projects.findMember(project.id(), colleague))
        .thenReturn(
            Optional.of(new ProjectMember(project.id(), colleague, ProjectRole.MEMBER, T0)));
    lenient()
        .when(projects.findMember(project.id(), outsider.userId()))
        .thenReturn(Optional.empty());
    lenient().when(projects.findMember(project.id(), admin.userId())).thenReturn(Optional.empty());
    lenient().when(tasks.findById(task.id())).thenReturn(Optional.of(task));
    lenient()
        .when(profiles.findByUserIds(List.of(colleague)))
        .thenReturn(Map.of(colleague, new Profile(colleague, "Grace", ZoneId.of("UTC"), T0)));
  }

  TaskService service() {
    return new TaskService(
        tasks,
        projects,
        profiles,
        cache,
        new CachedWrites(cache, transactions),
        Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
  }

  @Test
  void aMemberCreatesATaskUnderTheNextNumberAndTheSummaryIsInvalidatedAroundTheCommit() {
    when(projects.nextTaskNumber(project.id())).thenReturn(8L);
    when(tasks.add(any())).thenAnswer(inv -> inv.getArgument(0));

    TaskView created =
        service()
            .create(
                member,
                project.id(),
                new CreateTaskCommand(
                    "Write docs", null, TaskPriority.HIGH, colleague, LocalDate.of(2026, 12, 31)));

    assertThat(created.displayKey()).isEqualTo("WL-8");
    assertThat(created.task().reporterId()).isEqualTo(member.userId());
    assertThat(created.assignee().displayName()).isEqualTo("Grace");
    InOrder order = inOrder(cache, projects, tasks, commit);
    order.verify(cache).evict(CacheKey.projectSummary(project.id()));
    order.verify(projects).nextTaskNumber(project.id());
    order.verify(tasks).add(any());
    order.verify(commit).run();
    order.verify(cache).evict(CacheKey.projectSummary(project.id()));
  }

  @Test
  void theAssigneeMustBeAMember() {
    UserId stranger = UserId.random();
    when(projects.findMember(project.id(), stranger)).thenReturn(Optional.empty());

    assertThatThrownBy(
            () ->
                service()
                    .create(
                        member,
                        project.id(),
                        new CreateTaskCommand("t", null, null, stranger, null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("assigneeId"));
    verify(tasks, never()).add(any());
  }

  @Test
  void outsidersSeeNoTaskAndAdminsReadButDoNotWrite() {
    assertThatThrownBy(() -> service().get(outsider, task.id()))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.getMessage()).startsWith("Task"));
    assertThatThrownBy(
            () ->
                service()
                    .create(
                        outsider, project.id(), new CreateTaskCommand("t", null, null, null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThat(service().get(admin, task.id()).task()).isEqualTo(task);
    assertThatThrownBy(() -> service().update(admin, task.id(), 0, emptyUpdate()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> service().get(member, TaskId.random()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anUpdateAppliesEveryPresentFieldAndClearsNulls() {
    Task assigned = task.assignTo(colleague, T0).due(LocalDate.of(2026, 1, 2), T0);
    when(tasks.findById(task.id())).thenReturn(Optional.of(assigned));
    when(tasks.update(any())).thenAnswer(inv -> inv.getArgument(0));

    TaskView updated =
        service()
            .update(
                member,
                task.id(),
                0,
                new UpdateTaskCommand(
                    Change.to("Ship v2"),
                    Change.to("why"),
                    Change.to(TaskStatus.DONE),
                    Change.to(TaskPriority.LOW),
                    Change.to(null),
                    Change.to(null)));

    assertThat(updated.task().title()).isEqualTo("Ship v2");
    assertThat(updated.task().description()).isEqualTo("why");
    assertThat(updated.task().status()).isEqualTo(TaskStatus.DONE);
    assertThat(updated.task().priority()).isEqualTo(TaskPriority.LOW);
    assertThat(updated.task().assigneeId()).isNull();
    assertThat(updated.assignee()).isNull();
    assertThat(updated.task().dueDate()).isNull();
    assertThat(updated.task().updatedAt()).isEqualTo(T0.plusSeconds(60));
    verify(cache, times(2)).evict(CacheKey.projectSummary(project.id()));
  }

  @Test
  void aStaleVersionChangesNothing() {
    assertThatThrownBy(() -> service().update(member, task.id(), 3, emptyUpdate()))
        .isInstanceOf(VersionMismatchException.class);
    assertThatThrownBy(() -> service().delete(member, task.id(), 3))
        .isInstanceOf(VersionMismatchException.class);
    verify(tasks, never()).update(any());
    verify(tasks, never()).delete(any());
  }

  @Test
  void aMemberDeletesAtTheCurrentVersion() {
    service().delete(member, task.id(), 0);
    verify(tasks).delete(task);
    verify(cache, times(2)).evict(CacheKey.projectSummary(project.id()));
  }

  @Test
  void tasksOfAnArchivedProjectAreReadOnly() {
    Project archived = project.archive(T0);
    when(projects.findById(project.id())).thenReturn(Optional.of(archived));

    assertThatThrownBy(() -> service().update(member, task.id(), 0, emptyUpdate()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_ARCHIVED"));
    assertThat(service().get(member, task.id()).task()).isEqualTo(task);
  }

  @Test
  void aPageOfTasksCarriesTheAssigneesNamesAndWhereToContinue() {
    Task assigned = task.assignTo(colleague, T0);
    Position next = new Position(T0, task.id().value());
    CursorRequest cursor = CursorRequest.first(1);
    TaskFilter filter = new TaskFilter(TaskStatus.TODO, colleague);
    when(tasks.list(project.id(), filter, cursor))
        .thenReturn(new CursorPage<>(List.of(assigned), 1, next));

    CursorPage<TaskView> page = service().list(member, project.id(), filter, cursor);

    assertThat(page.items()).extracting(v -> v.assignee().displayName()).containsExactly("Grace");
    assertThat(page.next()).isEqualTo(next);
    assertThatThrownBy(() -> service().list(outsider, project.id(), filter, cursor))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void requiredFieldsCannotBeCleared() {
    assertThatThrownBy(() -> new UpdateTaskCommand(Change.to(null), null, null, null, null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new UpdateTaskCommand(null, null, Change.to(null), null, null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(Change.<String>keep().map(String::length).present()).isFalse();
    assertThat(Change.to("abc").map(String::length).value()).isEqualTo(3);
  }

  private static UpdateTaskCommand emptyUpdate() {
    return new UpdateTaskCommand(null, null, null, null, null, null);
  }
}
