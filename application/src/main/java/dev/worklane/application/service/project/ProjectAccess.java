package dev.worklane.application.service.project;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.user.Permission;
import dev.worklane.domain.user.UserId;
import java.util.Optional;

/**
 * Who may do what in a project (SPEC §2), decided in one place for projects, members and tasks. A
 * project the caller is not a member of does not exist for them (404, no existence leak) unless
 * they hold project:read-any; past that, a missing permission is a 403.
 */
public final class ProjectAccess {
  private final ProjectRepository projects;
  private final Cache cache;

  public ProjectAccess(ProjectRepository projects, Cache cache) {
    this.projects = projects;
    this.cache = cache;
  }

  /**
   * The project as {@code actor} sees it, or "not found". Every request in a project asks this, so
   * the project and the caller's membership are read through the cache ({@code cache:projects:{id}}
   * and {@code cache:projects:{id}:members:{userId}}); the writes that change them evict both
   * before and after commit ({@link #projectKey}, {@link #membershipKey}).
   */
  public Visible visible(Actor actor, ProjectId id) {
    Project project = project(id).orElseThrow(ProjectAccess::notFound);
    Optional<ProjectMember> membership = membership(id, actor.userId());
    if (membership.isEmpty() && !actor.can(Permission.PROJECT_READ_ANY)) {
      throw notFound();
    }
    actor.require(Permission.TASK_READ);
    return new Visible(project, membership);
  }

  /** What a write to the project itself must evict. */
  public static CacheKey projectKey(ProjectId id) {
    return CacheKey.project(id);
  }

  /** What a change of the user's membership must evict. */
  public static CacheKey membershipKey(ProjectId id, UserId userId) {
    return CacheKey.membership(id, userId);
  }

  private Optional<Project> project(ProjectId id) {
    CacheKey key = projectKey(id);
    Cache.Lookup<Project> cached = cache.get(key, Project.class);
    if (cached.value().isPresent()) {
      return cached.value();
    }
    Optional<Project> found = projects.findById(id);
    found.ifPresent(project -> cache.put(key, cached, project));
    return found;
  }

  private Optional<ProjectMember> membership(ProjectId id, UserId userId) {
    CacheKey key = membershipKey(id, userId);
    Cache.Lookup<Membership> cached = cache.get(key, Membership.class);
    if (cached.value().isPresent()) {
      return Optional.ofNullable(cached.value().get().member());
    }
    Optional<ProjectMember> found = projects.findMember(id, userId);
    cache.put(key, cached, new Membership(found.orElse(null)));
    return found;
  }

  /** A cached answer to "is the user a member?" — {@code member} is null for "no". */
  public record Membership(ProjectMember member) {}

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
