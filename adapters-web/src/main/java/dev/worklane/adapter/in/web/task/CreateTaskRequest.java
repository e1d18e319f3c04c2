package dev.worklane.adapter.in.web.task;

import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** {@code POST /projects/{id}/tasks}: a new task starts as TODO. */
public record CreateTaskRequest(
    @Schema(maxLength = Task.TITLE_MAX) String title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) String description,
    TaskPriority priority,
    UUID assigneeId,
    LocalDate dueDate) {}
