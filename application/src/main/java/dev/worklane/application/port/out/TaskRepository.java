package dev.worklane.application.port.out;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.List;
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

  /**
   * Up to {@code limit} of a project's tasks strictly after {@code after} (null: from the first),
   * in the list's order {@code (createdAt, id)}, filtered. An export walks a whole project with it
   * one page at a time, each page starting in the index where the last one ended (no offset), so
   * memory and the cost of a page stay the same however large the project is.
   */
  List<Task> listAfter(ProjectId project, TaskFilter filter, Position after, int limit);

  /** How many of a project's tasks the filter selects. */
  long count(ProjectId project, TaskFilter filter);

  ProjectSummary summarise(ProjectId project);

  /** A member left: their tasks in the project lose their assignee. Returns how many. */
  int unassignAll(ProjectId project, UserId user, Instant now);
}
