package dev.worklane.adapter.in.web.v1.task;

import dev.worklane.application.port.in.Change;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code PATCH /tasks/{id}}: absent fields stay; {@code null} clears {@code description}, {@code
 * assigneeId} and {@code dueDate} (and is refused for the others).
 */
public record UpdateTaskRequest(
    @Schema(maxLength = Task.TITLE_MAX) Change<String> title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) Change<String> description,
    Change<TaskStatus> status,
    Change<TaskPriority> priority,
    Change<UUID> assigneeId,
    Change<LocalDate> dueDate) {}
