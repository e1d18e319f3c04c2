package dev.worklane.application.port.out;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

public interface TaskRepository {

  Task add(Task task);

  Optional<Task> findById(TaskId id);

  /**
   * Writes only over {@code task.version()}; throws {@code VersionMismatchException} when the row
   * changed meanwhile. Returns the stored task with its new version.
   */
  Task update(Task task);

  /** Deletes only at {@code task.version()}; throws {@code VersionMismatchException} otherwise. */
  void delete(Task task);

  /** A project's tasks, oldest first by {@code (createdAt, id)}, filtered. */
  CursorPage<Task> list(ProjectId project, TaskFilter filter, CursorRequest cursor);

  ProjectSummary summarise(ProjectId project);

  /** A member left: their tasks in the project lose their assignee. Returns how many. */
  int unassignAll(ProjectId project, UserId user, Instant now);
}
