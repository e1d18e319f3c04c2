package dev.worklane.adapter.in.web.v1.task;

import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task in v1: {@code assigneeId}, upper-case status. */
public record TaskResponse(
    UUID id,
    @Schema(pattern = "^[A-Z]{2,10}-[0-9]+$", maxLength = 21, description = "KEY-42") String key,
    long number,
    UUID projectId,
    @Schema(maxLength = Task.TITLE_MAX) String title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) String description,
    TaskStatus status,
    TaskPriority priority,
    UUID assigneeId,
    UUID reporterId,
    LocalDate dueDate,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
