package dev.worklane.adapter.in.web.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A task in v1: {@code assigneeId}, upper-case status. */
@Schema(name = "TaskResponse")
@NullMarked
public record TaskResponseV1(
    @JsonUnwrapped TaskFields.Head head,
    TaskStatus status,
    TaskPriority priority,
    @Nullable UUID assigneeId,
    @JsonUnwrapped TaskFields.Tail tail) {}
