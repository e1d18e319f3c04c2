package dev.worklane.adapter.in.web.v2.task;

import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task in v2: the assignee embedded (null when unassigned), lower-case status. */
public record TaskResponse(
    UUID id,
    @Schema(pattern = "^[A-Z]{2,10}-[0-9]+$", maxLength = 21, description = "KEY-42") String key,
    long number,
    UUID projectId,
    @Schema(maxLength = Task.TITLE_MAX) String title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) String description,
    TaskStatusV2 status,
    TaskPriority priority,
    AssigneeResponse assignee,
    UUID reporterId,
    LocalDate dueDate,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public record AssigneeResponse(UUID id, @Schema(maxLength = 100) String displayName) {}
}
