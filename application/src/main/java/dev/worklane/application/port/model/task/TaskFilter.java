package dev.worklane.application.port.model.task;

import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;

/** Optional filters of a task list ({@code ?status=}, {@code ?assigneeId=}); null: any. */
public record TaskFilter(TaskStatus status, UserId assigneeId) {
  public static TaskFilter none() {
    return new TaskFilter(null, null);
  }
}
