package dev.worklane.adapter.in.web.v2.task;

import dev.worklane.domain.task.TaskPriority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task in v2: the assignee embedded (null when unassigned), lower-case status. */
public record TaskResponse(
    UUID id,
    String key,
    long number,
    UUID projectId,
    String title,
    String description,
    TaskStatusV2 status,
    TaskPriority priority,
    AssigneeResponse assignee,
    UUID reporterId,
    LocalDate dueDate,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public record AssigneeResponse(UUID id, String displayName) {}
}
