package dev.worklane.application.service.project;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.project.AddMemberCommand;
import dev.worklane.application.port.in.project.CreateProjectCommand;
import dev.worklane.application.port.in.project.MemberView;
import dev.worklane.application.port.in.project.ProjectDetails;
import dev.worklane.application.port.in.project.ProjectListQuery;
import dev.worklane.application.port.in.project.ProjectMembersUseCase;
import dev.worklane.application.port.in.project.ProjectUseCase;
import dev.worklane.application.port.in.project.UpdateProjectCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.application.service.support.DisplayNames;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.Permission;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Projects and their members: one aggregate, one service. */
public final class ProjectService implements ProjectUseCase, ProjectMembersUseCase {
  private static final System.Logger LOG = System.getLogger(ProjectService.class.getName());

  private final ProjectRepository projects;
  private final TaskRepository tasks;
  private final UserRepository users;
  private final DisplayNames names;
  private final ProjectAccess access;
  private final Transactions transactions;
  private final Cache cache;
  private final CachedWrites cachedWrites;
  private final Clock clock;

  public ProjectService(
      ProjectRepository projects,
      TaskRepository tasks,
      UserRepository users,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      CachedWrites cachedWrites,
      Clock clock) {
    this.projects = projects;
    this.tasks = tasks;
    this.users = users;
    this.names = new DisplayNames(profiles, cache);
    this.access = new ProjectAccess(projects, cache);
    this.cachedWrites = cachedWrites;
    this.transactions = transactions;
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public ProjectDetails create(Actor actor, CreateProjectCommand command) {
    actor.require(Permission.PROJECT_CREATE);
    Instant now = clock.instant();
    Project project =
        transactions.inTransaction(
            () -> {
              Project created =
                  projects.add(
                      Project.create(
                          ProjectId.random(),
                          command.key(),
                          command.name(),
                          command.description(),
                          actor.userId(),
                          now));
              projects.addMember(
                  new ProjectMember(created.id(), actor.userId(), ProjectRole.OWNER, now));
              return created;
            });
    LOG.log(
        Level.INFO,
        () ->
            "project_created projectId="
                + project.id()
                + " key="
                + project.key()
                + " by="
                + actor.userId());
    return new ProjectDetails(project, new ProjectSummary(0, 0, 0));
  }

  @Override
  public ProjectDetails get(Actor actor, ProjectId id) {
    Project project = access.visible(actor, id).project();
    return new ProjectDetails(project, summary(id));
  }

  /** Cache-aside on {@code cache:projects:{id}:summary}; task writes invalidate it. */
  private ProjectSummary summary(ProjectId id) {
    CacheKey key = CacheKey.projectSummary(id);
    Cache.Lookup<ProjectSummary> cached = cache.get(key, ProjectSummary.class);
    return cached
        .value()
        .orElseGet(
            () -> {
              ProjectSummary summary = tasks.summarise(id);
              cache.put(key, cached, summary);
              return summary;
            });
  }

  @Override
  public Page<Project> list(Actor actor, ProjectListQuery query, PageRequest page) {
    return projects.list(memberFilter(actor), query.includeArchived(), page);
  }

  @Override
  public CursorPage<Project> list(Actor actor, ProjectListQuery query, CursorRequest cursor) {
    return projects.list(memberFilter(actor), query.includeArchived(), cursor);
  }

  /** project:read-any lists every project; everyone else their own. */
  private static UserId memberFilter(Actor actor) {
    actor.require(Permission.TASK_READ);
    return actor.can(Permission.PROJECT_READ_ANY) ? null : actor.userId();
  }

  @Override
  public ProjectDetails update(Actor actor, ProjectId id, UpdateProjectCommand command) {
    Project updated =
        cachedWrites.write(
            ProjectAccess.projectKey(id),
            () -> {
              ProjectAccess.Visible visible = access.visible(actor, id);
              visible.requireManage(actor);
              Instant now = clock.instant();
              Project project = visible.project();
              if (command.name().present()) {
                project = project.rename(command.name().value(), now);
              }
              if (command.description().present()) {
                project = project.describe(command.description().value(), now);
              }
              return project == visible.project() ? project : projects.update(project);
            });
    return new ProjectDetails(updated, summary(id));
  }

  @Override
  public void archive(Actor actor, ProjectId id) {
    cachedWrites.write(
        ProjectAccess.projectKey(id),
        () -> {
          ProjectAccess.Visible visible = access.visible(actor, id);
          if (visible.project().archived()) {
            return null; // DELETE is idempotent
          }
          visible.requireManage(actor);
          return projects.update(visible.project().archive(clock.instant()));
        });
    LOG.log(Level.INFO, () -> "project_archived projectId=" + id + " by=" + actor.userId());
  }

  @Override
  public Page<MemberView> list(Actor actor, ProjectId project, PageRequest page) {
    access.visible(actor, project);
    Page<ProjectMember> members = projects.members(project, page);
    Map<UserId, String> byUser = namesOf(members.items());
    return members.map(member -> view(member, byUser));
  }

  @Override
  public CursorPage<MemberView> list(Actor actor, ProjectId project, CursorRequest cursor) {
    access.visible(actor, project);
    CursorPage<ProjectMember> members = projects.members(project, cursor);
    Map<UserId, String> byUser = namesOf(members.items());
    return members.map(member -> view(member, byUser));
  }

  @Override
  public MemberView add(Actor actor, ProjectId project, AddMemberCommand command) {
    ProjectMember member =
        cachedWrites.write(
            ProjectAccess.membershipKey(project, command.userId()),
            () -> {
              access.visible(actor, project).requireManage(actor);
              users
                  .findById(command.userId())
                  .filter(user -> user.isActive())
                  .orElseThrow(() -> new NotFoundException("User"));
              ProjectMember added =
                  new ProjectMember(project, command.userId(), command.role(), clock.instant());
              projects.addMember(added);
              return added;
            });
    LOG.log(
        Level.INFO,
        () ->
            "project_member_added projectId="
                + project
                + " userId="
                + command.userId()
                + " by="
                + actor.userId());
    return view(member, namesOf(List.of(member)));
  }

  @Override
  public void remove(Actor actor, ProjectId project, UserId member) {
    cachedWrites.write(
        ProjectAccess.membershipKey(project, member),
        () -> {
          access.visible(actor, project).requireManage(actor);
          ProjectMember removed =
              projects
                  .findMember(project, member)
                  .orElseThrow(() -> new NotFoundException("Member"));
          if (removed.isOwner() && projects.countOwnersForUpdate(project) <= 1) {
            throw new ConflictException(
                "LAST_OWNER", "A project keeps at least one owner; add another owner first");
          }
          projects.removeMember(project, member);
          // the assignee of a task must be a member
          return tasks.unassignAll(project, member, clock.instant());
        });
    LOG.log(
        Level.INFO,
        () ->
            "project_member_removed projectId="
                + project
                + " userId="
                + member
                + " by="
                + actor.userId());
  }

  private Map<UserId, String> namesOf(List<ProjectMember> members) {
    return names.of(members.stream().map(ProjectMember::userId).toList());
  }

  private static MemberView view(ProjectMember member, Map<UserId, String> names) {
    return new MemberView(member, names.get(member.userId()));
  }
}
