package dev.worklane.adapter.in.web.v2.task;

import dev.worklane.application.port.in.task.Assignee;
import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.domain.task.Task;
import org.springframework.stereotype.Component;

/** The one place where a task becomes its v2 JSON shape. */
@Component
public class TaskV2WebMapper {

  public TaskResponse toResponse(TaskView view) {
    Task task = view.task();
    Assignee assignee = view.assignee();
    return new TaskResponse(
        task.id().value(),
        view.displayKey(),
        task.number(),
        task.projectId().value(),
        task.title(),
        task.description(),
        TaskStatusV2.of(task.status()),
        task.priority(),
        assignee == null
            ? null
            : new TaskResponse.AssigneeResponse(assignee.id().value(), assignee.displayName()),
        task.reporterId().value(),
        task.dueDate(),
        task.version(),
        task.createdAt(),
        task.updatedAt());
  }
}
