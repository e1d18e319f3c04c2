package dev.worklane.application.port.in.task;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.TaskId;

/**
 * Tasks of a project: members read and write them (task:read, task:write), an admin reads any.
 * Changes name the version they were made from (HTTP {@code If-Match}).
 */
public interface TaskUseCase {

  TaskView create(Actor actor, ProjectId project, CreateTaskCommand command);

  TaskView get(Actor actor, TaskId id);

  /** Oldest first, by {@code (createdAt, id)}: stable while tasks are added. */
  CursorPage<TaskView> list(
      Actor actor, ProjectId project, TaskFilter filter, CursorRequest cursor);

  TaskView update(Actor actor, TaskId id, long expectedVersion, UpdateTaskCommand command);

  void delete(Actor actor, TaskId id, long expectedVersion);
}
