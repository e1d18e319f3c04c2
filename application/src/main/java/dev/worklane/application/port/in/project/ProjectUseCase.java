package dev.worklane.application.port.in.project;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;

/**
 * Projects. Managers create them and become their owner; members read them; an admin reads any
 * (project:read-any). A project the caller may not see is "not found".
 */
public interface ProjectUseCase {

  ProjectDetails create(Actor actor, CreateProjectCommand command);

  ProjectDetails get(Actor actor, ProjectId id);

  /** The caller's projects (every project for project:read-any), oldest first. */
  Page<Project> list(Actor actor, ProjectListQuery query, PageRequest page);

  CursorPage<Project> list(Actor actor, ProjectListQuery query, CursorRequest cursor);

  /** Owners, and managers who see the project, may change it while it is not archived. */
  ProjectDetails update(Actor actor, ProjectId id, UpdateProjectCommand command);

  /** DELETE archives: the project becomes read-only and leaves the default lists. */
  void archive(Actor actor, ProjectId id);
}
