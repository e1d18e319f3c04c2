package dev.worklane.domain.project;

import dev.worklane.domain.common.ConflictException;

public class ProjectKeyTakenException extends ConflictException {
  public ProjectKeyTakenException(ProjectKey key) {
    super("PROJECT_KEY_TAKEN", "A project with key " + key + " exists already");
  }
}
