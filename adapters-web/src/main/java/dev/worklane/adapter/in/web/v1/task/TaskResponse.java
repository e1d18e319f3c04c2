package dev.worklane.adapter.in.web.v1.task;

import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task in v1: {@code assigneeId}, upper-case status. */
public record TaskResponse(
    UUID id,
    String key,
    long number,
    UUID projectId,
    String title,
    String description,
    TaskStatus status,
    TaskPriority priority,
    UUID assigneeId,
    UUID reporterId,
    LocalDate dueDate,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
