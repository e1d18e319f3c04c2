package dev.worklane.adapter.in.web.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.worklane.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A task in v2: the assignee embedded (null when unassigned), lower-case status. */
@Schema(name = "TaskResponse")
@NullMarked
public record TaskResponseV2(
    @JsonUnwrapped TaskFields.Head head,
    TaskStatusV2 status,
    TaskPriority priority,
    @Nullable AssigneeResponse assignee,
    @JsonUnwrapped TaskFields.Tail tail) {

  public record AssigneeResponse(UUID id, @Schema(maxLength = 100) @Nullable String displayName) {}
}
