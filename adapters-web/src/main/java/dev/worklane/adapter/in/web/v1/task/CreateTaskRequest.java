package dev.worklane.adapter.in.web.v1.task;

import dev.worklane.domain.task.TaskPriority;
import java.time.LocalDate;
import java.util.UUID;

/** {@code POST /projects/{id}/tasks}: a new task starts as TODO. */
public record CreateTaskRequest(
    String title, String description, TaskPriority priority, UUID assigneeId, LocalDate dueDate) {}
