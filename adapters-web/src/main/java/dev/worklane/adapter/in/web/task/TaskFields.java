package dev.worklane.adapter.in.web.task;

import dev.worklane.domain.task.Task;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What both versions show of a task alike, in two parts each version's response unwraps around its
 * own status and assignee fields, so a task's properties keep their order in both.
 */
@NullMarked
final class TaskFields {
  private TaskFields() {}

  record Head(
      UUID id,
      @Schema(pattern = "^[A-Z]{2,10}-[0-9]+$", maxLength = 21, description = "KEY-42") String key,
      long number,
      UUID projectId,
      @Schema(maxLength = Task.TITLE_MAX) String title,
      @Schema(maxLength = Task.DESCRIPTION_MAX) @Nullable String description) {}

  record Tail(
      UUID reporterId,
      @Nullable LocalDate dueDate,
      long version,
      Instant createdAt,
      Instant updatedAt) {}
}
