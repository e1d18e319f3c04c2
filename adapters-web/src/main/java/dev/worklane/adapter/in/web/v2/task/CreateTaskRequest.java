package dev.worklane.adapter.in.web.v2.task;

import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code POST /projects/{id}/tasks} (v2): writes name the assignee by {@code assigneeId}; responses
 * embed it as {@code assignee: {id, displayName}}.
 */
public record CreateTaskRequest(
    @Schema(maxLength = Task.TITLE_MAX) String title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) String description,
    TaskPriority priority,
    UUID assigneeId,
    LocalDate dueDate) {}
