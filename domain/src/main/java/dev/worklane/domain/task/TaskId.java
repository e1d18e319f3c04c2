package dev.worklane.domain.task;

import dev.worklane.domain.common.Require;
import java.util.UUID;

public record TaskId(UUID value) {
  public TaskId {
    Require.present(value, "taskId");
  }

  public static TaskId random() {
    return new TaskId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
