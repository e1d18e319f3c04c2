package dev.worklane.application.port.in.project;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.project.ProjectKey;

public record CreateProjectCommand(ProjectKey key, String name, String description) {
  public CreateProjectCommand {
    Require.present(key, "key");
    Require.present(name, "name");
  }
}
