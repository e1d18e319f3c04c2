package dev.worklane.domain.report;

import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;

/** Which of the project's tasks the report lists, as the task list filters them; null: any. */
public record ReportFilters(TaskStatus status, UserId assigneeId) {
  public static ReportFilters none() {
    return new ReportFilters(null, null);
  }
}
