package dev.worklane.adapter.in.web.v2.task;

import dev.worklane.application.port.in.Change;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** {@code PATCH /tasks/{id}} (v2): as v1, with v2 status values. */
public record UpdateTaskRequest(
    @Schema(maxLength = Task.TITLE_MAX) Change<String> title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) Change<String> description,
    Change<TaskStatusV2> status,
    Change<TaskPriority> priority,
    Change<UUID> assigneeId,
    Change<LocalDate> dueDate) {}
