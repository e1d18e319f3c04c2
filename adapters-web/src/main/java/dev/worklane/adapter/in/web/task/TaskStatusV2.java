package dev.worklane.adapter.in.web.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.task.TaskStatus;

/** v2 spells statuses in lower-case with a hyphen; v1's names are refused here. */
public enum TaskStatusV2 {
  @JsonProperty("todo")
  TODO("todo", TaskStatus.TODO),
  @JsonProperty("in-progress")
  IN_PROGRESS("in-progress", TaskStatus.IN_PROGRESS),
  @JsonProperty("done")
  DONE("done", TaskStatus.DONE);

  private final String wire;
  private final TaskStatus domain;

  TaskStatusV2(String wire, TaskStatus domain) {
    this.wire = wire;
    this.domain = domain;
  }

  public TaskStatus domain() {
    return domain;
  }

  public static TaskStatusV2 of(TaskStatus status) {
    for (TaskStatusV2 value : values()) {
      if (value.domain == status) {
        return value;
      }
    }
    throw new IllegalArgumentException("no v2 name for " + status);
  }

  /** A {@code ?status=} query value. */
  public static TaskStatus parse(String value, String field) {
    for (TaskStatusV2 candidate : values()) {
      if (candidate.wire.equals(value)) {
        return candidate.domain;
      }
    }
    throw new InvalidInputException(field, field + " must be one of todo, in-progress, done");
  }
}
