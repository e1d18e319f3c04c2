package dev.worklane.application.port.in.project;

import dev.worklane.application.port.in.Change;
import dev.worklane.domain.common.InvalidInputException;

/** PATCH of a project: name (never null) and description (null clears it). */
public record UpdateProjectCommand(Change<String> name, Change<String> description) {
  public UpdateProjectCommand {
    name = name == null ? Change.keep() : name;
    description = description == null ? Change.keep() : description;
    if (name.present() && name.value() == null) {
      throw new InvalidInputException("name", "name cannot be removed");
    }
  }
}
