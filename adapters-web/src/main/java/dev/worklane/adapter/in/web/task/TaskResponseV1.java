package dev.worklane.adapter.in.web.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A task in v1: {@code assigneeId}, upper-case status. */
@Schema(name = "TaskResponse")
public record TaskResponseV1(
    @JsonUnwrapped TaskFields.Head head,
    TaskStatus status,
    TaskPriority priority,
    UUID assigneeId,
    @JsonUnwrapped TaskFields.Tail tail) {}
