package dev.worklane.application.port.in.task;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.user.UserId;
import java.time.LocalDate;

public record CreateTaskCommand(
    String title, String description, TaskPriority priority, UserId assigneeId, LocalDate dueDate) {
  public CreateTaskCommand {
    Require.present(title, "title");
  }
}
