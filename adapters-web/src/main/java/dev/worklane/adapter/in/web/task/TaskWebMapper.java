package dev.worklane.adapter.in.web.task;

import dev.worklane.application.port.in.task.Assignee;
import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.user.UserId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The one place where a task becomes its JSON shape in each version. */
@Component
public class TaskWebMapper {

  public TaskResponseV1 toV1(TaskView view) {
    Task task = view.task();
    return new TaskResponseV1(
        head(view), task.status(), task.priority(), idOf(task.assigneeId()), tail(task));
  }

  public TaskResponseV2 toV2(TaskView view) {
    Task task = view.task();
    Assignee assignee = view.assignee();
    return new TaskResponseV2(
        head(view),
        TaskStatusV2.of(task.status()),
        task.priority(),
        assignee == null
            ? null
            : new TaskResponseV2.AssigneeResponse(assignee.id().value(), assignee.displayName()),
        tail(task));
  }

  private static TaskFields.Head head(TaskView view) {
    Task task = view.task();
    return new TaskFields.Head(
        task.id().value(),
        view.displayKey(),
        task.number(),
        task.projectId().value(),
        task.title(),
        task.description());
  }

  private static TaskFields.Tail tail(Task task) {
    return new TaskFields.Tail(
        idOf(task.reporterId()),
        task.dueDate(),
        task.version(),
        task.createdAt(),
        task.updatedAt());
  }

  private static UUID idOf(UserId id) {
    return id == null ? null : id.value();
  }
}
