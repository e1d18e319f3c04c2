package dev.worklane.application.service.task;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.task.Assignee;
import dev.worklane.application.port.in.task.CreateTaskCommand;
import dev.worklane.application.port.in.task.TaskUseCase;
import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.application.port.in.task.UpdateTaskCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.service.project.ProjectAccess;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.application.service.support.DisplayNames;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tasks: created under the project's gap-free counter, changed only from their current version, and
 * every write invalidates the project's cached summary before and after commit.
 */
public final class TaskService implements TaskUseCase {
  private final TaskRepository tasks;
  private final ProjectRepository projects;
  private final DisplayNames names;
  private final ProjectAccess access;
  private final CachedWrites cachedWrites;
  private final Clock clock;

  public TaskService(
      TaskRepository tasks,
      ProjectRepository projects,
      ProfileRepository profiles,
      Cache cache,
      CachedWrites cachedWrites,
      Clock clock) {
    this.tasks = tasks;
    this.projects = projects;
    this.names = new DisplayNames(profiles, cache);
    this.access = new ProjectAccess(projects, cache);
    this.cachedWrites = cachedWrites;
    this.clock = clock;
  }

  @Override
  public TaskView create(Actor actor, ProjectId projectId, CreateTaskCommand command) {
    ProjectAccess.Visible visible = access.visible(actor, projectId);
    visible.requireTaskWrite(actor);
    Task created =
        cachedWrites.write(
            CacheKey.projectSummary(projectId),
            () -> {
              requireMember(projectId, command.assigneeId());
              long number = projects.nextTaskNumber(projectId);
              // Read after the counter lock: creation order, number order and createdAt agree,
              // which keeps cursor pages stable while tasks are added.
              Instant now = clock.instant();
              return tasks.add(
                  Task.open(
                      TaskId.random(),
                      projectId,
                      number,
                      command.title(),
                      command.description(),
                      command.priority(),
                      command.assigneeId(),
                      actor.userId(),
                      command.dueDate(),
                      now));
            });
    return view(created, visible.project());
  }

  @Override
  public TaskView get(Actor actor, TaskId id) {
    Task task = tasks.findById(id).orElseThrow(TaskService::notFound);
    return view(task, visibleOrNotFound(actor, task).project());
  }

  @Override
  public CursorPage<TaskView> list(
      Actor actor, ProjectId projectId, TaskFilter filter, CursorRequest cursor) {
    Project project = access.visible(actor, projectId).project();
    CursorPage<Task> page = tasks.list(projectId, filter, cursor);
    Map<UserId, String> assignees =
        names.of(page.items().stream().map(Task::assigneeId).filter(Objects::nonNull).toList());
    return page.map(task -> view(task, project, assignees));
  }

  @Override
  public TaskView update(Actor actor, TaskId id, long expectedVersion, UpdateTaskCommand command) {
    Task current = tasks.findById(id).orElseThrow(TaskService::notFound);
    ProjectAccess.Visible visible = visibleOrNotFound(actor, current);
    visible.requireTaskWrite(actor);
    current.requireVersion(expectedVersion);
    Task updated =
        cachedWrites.write(
            CacheKey.projectSummary(current.projectId()),
            () -> {
              Instant now = clock.instant();
              Task task = current;
              if (command.title().present()) {
                task = task.retitle(command.title().value(), now);
              }
              if (command.description().present()) {
                task = task.describe(command.description().value(), now);
              }
              if (command.status().present()) {
                task = task.moveTo(command.status().value(), now);
              }
              if (command.priority().present()) {
                task = task.prioritise(command.priority().value(), now);
              }
              if (command.assignee().present()) {
                requireMember(current.projectId(), command.assignee().value());
                task = task.assignTo(command.assignee().value(), now);
              }
              if (command.dueDate().present()) {
                task = task.due(command.dueDate().value(), now);
              }
              return tasks.update(task);
            });
    return view(updated, visible.project());
  }

  @Override
  public void delete(Actor actor, TaskId id, long expectedVersion) {
    Task current = tasks.findById(id).orElseThrow(TaskService::notFound);
    visibleOrNotFound(actor, current).requireTaskWrite(actor);
    current.requireVersion(expectedVersion);
    cachedWrites.write(
        CacheKey.projectSummary(current.projectId()),
        () -> {
          tasks.delete(current);
          return null;
        });
  }

  /** A task in a project the caller cannot see is as unknown as the project. */
  private ProjectAccess.Visible visibleOrNotFound(Actor actor, Task task) {
    try {
      return access.visible(actor, task.projectId());
    } catch (NotFoundException e) {
      throw notFound();
    }
  }

  private void requireMember(ProjectId projectId, UserId assignee) {
    if (assignee != null && projects.findMember(projectId, assignee).isEmpty()) {
      throw new InvalidInputException("assigneeId", "the assignee must be a member of the project");
    }
  }

  private TaskView view(Task task, Project project) {
    List<UserId> assignee = task.assigneeId() == null ? List.of() : List.of(task.assigneeId());
    return view(task, project, names.of(assignee));
  }

  private static TaskView view(Task task, Project project, Map<UserId, String> names) {
    Assignee assignee = null;
    if (task.assigneeId() != null) {
      assignee = new Assignee(task.assigneeId(), names.get(task.assigneeId()));
    }
    return new TaskView(task, project.key(), assignee);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Task");
  }
}
