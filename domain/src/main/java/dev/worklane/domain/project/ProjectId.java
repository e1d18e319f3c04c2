package dev.worklane.domain.project;

import dev.worklane.domain.common.Require;
import java.util.UUID;

public record ProjectId(UUID value) {
  public ProjectId {
    Require.present(value, "projectId");
  }

  public static ProjectId random() {
    return new ProjectId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
