package dev.worklane.application.port.in.task;

import dev.worklane.application.port.in.Change;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.time.LocalDate;

/** PATCH of a task: absent fields stay; assignee, description and due date may be cleared. */
public record UpdateTaskCommand(
    Change<String> title,
    Change<String> description,
    Change<TaskStatus> status,
    Change<TaskPriority> priority,
    Change<UserId> assignee,
    Change<LocalDate> dueDate) {
  public UpdateTaskCommand {
    title = orKeep(title);
    description = orKeep(description);
    status = orKeep(status);
    priority = orKeep(priority);
    assignee = orKeep(assignee);
    dueDate = orKeep(dueDate);
    refuseNull(title, "title");
    refuseNull(status, "status");
    refuseNull(priority, "priority");
  }

  private static <T> Change<T> orKeep(Change<T> change) {
    return change == null ? Change.keep() : change;
  }

  private static void refuseNull(Change<?> change, String field) {
    if (change.present() && change.value() == null) {
      throw new InvalidInputException(field, field + " cannot be removed");
    }
  }
}
