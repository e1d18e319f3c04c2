package dev.worklane.adapter.in.web.v1.task;

import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.user.UserId;
import org.springframework.stereotype.Component;

/** The one place where a task becomes its v1 JSON shape. */
@Component
public class TaskWebMapper {

  public TaskResponse toResponse(TaskView view) {
    Task task = view.task();
    return new TaskResponse(
        task.id().value(),
        view.displayKey(),
        task.number(),
        task.projectId().value(),
        task.title(),
        task.description(),
        task.status(),
        task.priority(),
        idOf(task.assigneeId()),
        idOf(task.reporterId()),
        task.dueDate(),
        task.version(),
        task.createdAt(),
        task.updatedAt());
  }

  private static java.util.UUID idOf(UserId id) {
    return id == null ? null : id.value();
  }
}
