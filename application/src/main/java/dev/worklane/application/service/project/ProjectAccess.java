package dev.worklane.application.service.project;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.user.Permission;
import java.util.Optional;

/**
 * Who may do what in a project (SPEC §2), decided in one place for projects, members and tasks. A
 * project the caller is not a member of does not exist for them (404, no existence leak) unless
 * they hold project:read-any; past that, a missing permission is a 403.
 */
public final class ProjectAccess {
  private final ProjectRepository projects;

  public ProjectAccess(ProjectRepository projects) {
    this.projects = projects;
  }

  /** The project as {@code actor} sees it, or "not found". */
  public Visible visible(Actor actor, ProjectId id) {
    Project project = projects.findById(id).orElseThrow(ProjectAccess::notFound);
    Optional<ProjectMember> membership = projects.findMember(id, actor.userId());
    if (membership.isEmpty() && !actor.can(Permission.PROJECT_READ_ANY)) {
      throw notFound();
    }
    actor.require(Permission.TASK_READ);
    return new Visible(project, membership);
  }

  static NotFoundException notFound() {
    return new NotFoundException("Project");
  }

  /** A project the caller may see, with their membership if they have one. */
  public record Visible(Project project, Optional<ProjectMember> membership) {

    /** Members write tasks (task:write) in projects that are not archived. */
    public void requireTaskWrite(Actor actor) {
      if (membership.isEmpty()) {
        // project:read-any lets an admin read every project, not write in it
        throw new ForbiddenException(Permission.TASK_WRITE.label());
      }
      actor.require(Permission.TASK_WRITE);
      project.requireWritable();
    }

    /**
     * The project's owners, and holders of project:manage-members who see it, change the project
     * and its members while it is not archived.
     */
    public void requireManage(Actor actor) {
      if (!membership.map(ProjectMember::isOwner).orElse(false)) {
        actor.require(Permission.PROJECT_MANAGE_MEMBERS);
      }
      project.requireWritable();
    }
  }
}
