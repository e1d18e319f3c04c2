package dev.worklane.application.port.out;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.user.UserId;
import java.util.Optional;

/** Projects and their members (one aggregate: members change with the project). */
public interface ProjectRepository {

  /** Inserts; throws {@code ProjectKeyTakenException} when the key is in use. */
  Project add(Project project);

  Optional<Project> findById(ProjectId id);

  /**
   * Writes over the version {@code project} was read at; throws {@code ConflictException}
   * (CONCURRENT_MODIFICATION) when it changed meanwhile. Returns the stored project.
   */
  Project update(Project project);

  /**
   * Projects, oldest first by {@code (createdAt, id)}.
   *
   * @param memberOf only the projects of this member; null: every project
   */
  Page<Project> list(UserId memberOf, boolean includeArchived, PageRequest page);

  CursorPage<Project> list(UserId memberOf, boolean includeArchived, CursorRequest cursor);

  /**
   * The project's next task number, in the caller's transaction: the counter row stays locked until
   * it ends, so concurrent creators queue and a rolled-back creation gives its number back (numbers
   * are gap-free).
   */
  long nextTaskNumber(ProjectId id);

  Optional<ProjectMember> findMember(ProjectId project, UserId user);

  /** Members, longest-standing first by {@code (addedAt, userId)}. */
  Page<ProjectMember> members(ProjectId project, PageRequest page);

  CursorPage<ProjectMember> members(ProjectId project, CursorRequest cursor);

  /** Throws {@code ConflictException} (ALREADY_MEMBER) when the user is a member already. */
  void addMember(ProjectMember member);

  void removeMember(ProjectId project, UserId user);

  /**
   * The project's owners, counted with their memberships locked until the caller's transaction
   * ends: two owners removing each other queue here, and the second sees the first one's removal.
   */
  long countOwnersForUpdate(ProjectId project);
}
