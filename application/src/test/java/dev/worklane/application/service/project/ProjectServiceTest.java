package dev.worklane.application.service.project;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.Change;
import dev.worklane.application.port.in.project.AddMemberCommand;
import dev.worklane.application.port.in.project.CreateProjectCommand;
import dev.worklane.application.port.in.project.MemberView;
import dev.worklane.application.port.in.project.ProjectDetails;
import dev.worklane.application.port.in.project.ProjectListQuery;
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
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
// The cache is asked for several keys per call (project, membership, summary); tests stub the ones
// they are about and let the others miss.
@MockitoSettings(strictness = Strictness.LENIENT)
class ProjectServiceTest {
  @Mock ProjectRepository projects;
  @Mock TaskRepository tasks;
  @Mock UserRepository users;
  @Mock ProfileRepository profiles;
  @Mock Cache cache;
  final DirectTransactions transactions = new DirectTransactions();

  final Actor manager = new Actor(UserId.random(), Set.of(Role.MANAGER));
  final Actor user = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor admin = new Actor(UserId.random(), Set.of(Role.ADMIN));
  final Project project =
      Project.create(
          ProjectId.random(), new ProjectKey("WL"), "Worklane", null, manager.userId(), T0);

  @BeforeEach
  void cacheMisses() {
    when(cache.get(any(), any())).thenReturn(Cache.Lookup.miss(0));
  }

  ProjectService service() {
    return new ProjectService(
        projects,
        tasks,
        users,
        profiles,
        transactions,
        cache,
        new CachedWrites(cache, transactions),
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  void exists(Project p) {
    lenient().when(projects.findById(p.id())).thenReturn(Optional.of(p));
  }

  void memberOf(Project p, Actor actor, ProjectRole role) {
    lenient()
        .when(projects.findMember(p.id(), actor.userId()))
        .thenReturn(Optional.of(new ProjectMember(p.id(), actor.userId(), role, T0)));
  }

  @Test
  void aManagerCreatesAProjectAndBecomesItsOwnerInOneTransaction() {
    when(projects.add(any())).thenAnswer(inv -> inv.getArgument(0));

    ProjectDetails created =
        service().create(manager, new CreateProjectCommand(new ProjectKey("WL"), "Worklane", "d"));

    ArgumentCaptor<ProjectMember> owner = ArgumentCaptor.forClass(ProjectMember.class);
    verify(projects).addMember(owner.capture());
    assertThat(owner.getValue().userId()).isEqualTo(manager.userId());
    assertThat(owner.getValue().role()).isEqualTo(ProjectRole.OWNER);
    assertThat(owner.getValue().projectId()).isEqualTo(created.project().id());
    assertThat(created.project().ownerId()).isEqualTo(manager.userId());
    assertThat(created.summary().total()).isZero();
    assertThat(transactions.opened()).isEqualTo(1);
  }

  @Test
  void usersMayNotCreateProjects() {
    assertThatThrownBy(
            () -> service().create(user, new CreateProjectCommand(new ProjectKey("WL"), "W", null)))
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.permission()).isEqualTo("project:create"));
    verify(projects, never()).add(any());
  }

  @Test
  void aProjectTheCallerIsNotAMemberOfIsNotFoundUnlessTheyReadAny() {
    exists(project);
    when(projects.findMember(project.id(), user.userId())).thenReturn(Optional.empty());
    when(projects.findMember(project.id(), admin.userId())).thenReturn(Optional.empty());
    when(cache.get(CacheKey.projectSummary(project.id()), ProjectSummary.class))
        .thenReturn(Cache.Lookup.hit(new ProjectSummary(1, 2, 3)));

    assertThatThrownBy(() -> service().get(user, project.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(service().get(admin, project.id()).summary().total()).isEqualTo(6);
    assertThatThrownBy(() -> service().get(user, ProjectId.random()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theSummaryIsReadThroughTheCache() {
    exists(project);
    memberOf(project, user, ProjectRole.MEMBER);
    CacheKey key = CacheKey.projectSummary(project.id());
    when(cache.get(key, ProjectSummary.class)).thenReturn(Cache.Lookup.miss(2));
    when(tasks.summarise(project.id())).thenReturn(new ProjectSummary(3, 1, 0));

    assertThat(service().get(user, project.id()).summary()).isEqualTo(new ProjectSummary(3, 1, 0));
    verify(cache).put(key, Cache.Lookup.miss(2), new ProjectSummary(3, 1, 0));
    assertThat(key.toString()).isEqualTo("projects:" + project.id() + ":summary");
  }

  @Test
  void listsShowTheCallersProjectsOrEveryProjectForReadAny() {
    PageRequest page = new PageRequest(1, 20);
    Page<Project> mine = new Page<>(List.of(project), 1, 20, 1);
    when(projects.list(user.userId(), false, page)).thenReturn(mine);
    when(projects.list(null, true, page)).thenReturn(mine);
    CursorRequest cursor = CursorRequest.first(10);
    when(projects.list(user.userId(), false, cursor))
        .thenReturn(new CursorPage<>(List.of(project), 10, null));

    assertThat(service().list(user, new ProjectListQuery(false), page)).isSameAs(mine);
    assertThat(service().list(admin, new ProjectListQuery(true), page)).isSameAs(mine);
    assertThat(service().list(user, new ProjectListQuery(false), cursor).items()).hasSize(1);
  }

  @Test
  void ownersAndManagersUpdateButPlainMembersMayNot() {
    exists(project);
    memberOf(project, user, ProjectRole.MEMBER);
    memberOf(project, manager, ProjectRole.OWNER);
    when(projects.update(any())).thenAnswer(inv -> inv.getArgument(0));
    lenient()
        .when(cache.get(CacheKey.projectSummary(project.id()), ProjectSummary.class))
        .thenReturn(Cache.Lookup.hit(new ProjectSummary(0, 0, 0)));

    ProjectDetails renamed =
        service()
            .update(
                manager,
                project.id(),
                new UpdateProjectCommand(Change.to("Renamed"), Change.to(null)));
    assertThat(renamed.project().name()).isEqualTo("Renamed");
    assertThat(renamed.project().description()).isNull();

    assertThatThrownBy(
            () ->
                service()
                    .update(user, project.id(), new UpdateProjectCommand(Change.to("X"), null)))
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.permission()).isEqualTo("project:manage-members"));
    assertThatThrownBy(() -> new UpdateProjectCommand(Change.to(null), null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anUpdateWithoutChangesWritesNothing() {
    exists(project);
    memberOf(project, manager, ProjectRole.OWNER);
    when(cache.get(CacheKey.projectSummary(project.id()), ProjectSummary.class))
        .thenReturn(Cache.Lookup.hit(new ProjectSummary(0, 0, 0)));

    service().update(manager, project.id(), new UpdateProjectCommand(null, null));

    verify(projects, never()).update(any());
  }

  @Test
  void archivingMakesTheProjectReadOnlyAndIsIdempotent() {
    exists(project);
    memberOf(project, manager, ProjectRole.OWNER);
    ArgumentCaptor<Project> stored = ArgumentCaptor.forClass(Project.class);
    when(projects.update(stored.capture())).thenAnswer(inv -> inv.getArgument(0));

    service().archive(manager, project.id());
    assertThat(stored.getValue().archived()).isTrue();

    Project archived = stored.getValue();
    exists(archived);
    service().archive(manager, project.id());
    verify(projects).update(any()); // once only

    assertThatThrownBy(
            () ->
                service()
                    .update(
                        manager, archived.id(), new UpdateProjectCommand(Change.to("New"), null)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_ARCHIVED"));
  }

  @Test
  void membersAreListedWithTheirNames() {
    exists(project);
    memberOf(project, user, ProjectRole.MEMBER);
    ProjectMember owner = new ProjectMember(project.id(), manager.userId(), ProjectRole.OWNER, T0);
    PageRequest page = new PageRequest(1, 20);
    when(projects.members(project.id(), page)).thenReturn(new Page<>(List.of(owner), 1, 20, 1));
    when(projects.members(project.id(), CursorRequest.first(5)))
        .thenReturn(new CursorPage<>(List.of(owner), 5, null));
    when(profiles.findByUserIds(List.of(manager.userId())))
        .thenReturn(
            Map.of(manager.userId(), new Profile(manager.userId(), "Grace", ZoneId.of("UTC"), T0)));

    Page<MemberView> members = service().list(user, project.id(), page);
    assertThat(members.items()).extracting(MemberView::displayName).containsExactly("Grace");
    assertThat(members.total()).isEqualTo(1);
    assertThat(service().list(user, project.id(), CursorRequest.first(5)).items()).hasSize(1);
  }

  @Test
  void managersAddActiveUsersAsMembers() {
    exists(project);
    memberOf(project, manager, ProjectRole.OWNER);
    UserId newcomer = UserId.random();
    when(users.findById(newcomer)).thenReturn(Optional.of(aUser().id(newcomer).build()));

    MemberView added = service().add(manager, project.id(), new AddMemberCommand(newcomer, null));

    assertThat(added.member().role()).isEqualTo(ProjectRole.MEMBER);
    verify(projects).addMember(added.member());

    UserId ghost = UserId.random();
    when(users.findById(ghost)).thenReturn(Optional.empty());
    assertThatThrownBy(
            () -> service().add(manager, project.id(), new AddMemberCommand(ghost, null)))
        .isInstanceOf(NotFoundException.class);
    UserId off = UserId.random();
    when(users.findById(off)).thenReturn(Optional.of(aUser().id(off).disabled().build()));
    assertThatThrownBy(() -> service().add(manager, project.id(), new AddMemberCommand(off, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void removingAMemberUnassignsTheirTasksButTheLastOwnerStays() {
    exists(project);
    memberOf(project, manager, ProjectRole.OWNER);
    memberOf(project, user, ProjectRole.MEMBER);
    when(projects.countOwnersForUpdate(project.id())).thenReturn(1L);

    service().remove(manager, project.id(), user.userId());
    verify(projects).removeMember(project.id(), user.userId());
    verify(tasks).unassignAll(project.id(), user.userId(), T0);

    assertThatThrownBy(() -> service().remove(manager, project.id(), manager.userId()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("LAST_OWNER"));
    UserId stranger = UserId.random();
    when(projects.findMember(project.id(), stranger)).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().remove(manager, project.id(), stranger))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAdminWhoIsNotAMemberManagesButDoesNotWriteTasks() {
    exists(project);
    when(projects.findMember(project.id(), admin.userId())).thenReturn(Optional.empty());
    ProjectAccess.Visible visible = new ProjectAccess(projects, cache).visible(admin, project.id());

    visible.requireManage(admin);
    assertThatThrownBy(() -> visible.requireTaskWrite(admin))
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.permission()).isEqualTo("task:write"));
  }

  @Test
  void theProjectAndTheCallersMembershipAreReadThroughTheCache() {
    ProjectMember membership =
        new ProjectMember(project.id(), user.userId(), ProjectRole.MEMBER, T0);
    when(cache.get(CacheKey.project(project.id()), Project.class))
        .thenReturn(Cache.Lookup.hit(project));
    when(cache.get(
            CacheKey.membership(project.id(), user.userId()), ProjectAccess.Membership.class))
        .thenReturn(Cache.Lookup.hit(new ProjectAccess.Membership(membership)));
    when(cache.get(
            CacheKey.membership(project.id(), admin.userId()), ProjectAccess.Membership.class))
        .thenReturn(Cache.Lookup.hit(new ProjectAccess.Membership(null)));

    ProjectAccess access = new ProjectAccess(projects, cache);
    assertThat(access.visible(user, project.id()).membership()).contains(membership);
    assertThat(access.visible(admin, project.id()).membership()).isEmpty();
    verify(projects, never()).findById(any());
    verify(projects, never()).findMember(any(), any());
  }

  @Test
  void aMissReadsTheRepositoriesAndCachesTheAnswerNoIncluded() {
    exists(project);
    when(projects.findMember(project.id(), user.userId())).thenReturn(Optional.empty());

    assertThatThrownBy(() -> new ProjectAccess(projects, cache).visible(user, project.id()))
        .isInstanceOf(NotFoundException.class);

    verify(cache).put(CacheKey.project(project.id()), Cache.Lookup.miss(0), project);
    verify(cache)
        .put(
            CacheKey.membership(project.id(), user.userId()),
            Cache.Lookup.miss(0),
            new ProjectAccess.Membership(null));
  }

  @Test
  void membershipAndProjectWritesEvictWhatTheyChangeBeforeAndAfterCommit() {
    exists(project);
    memberOf(project, manager, ProjectRole.OWNER);
    memberOf(project, user, ProjectRole.MEMBER);
    when(projects.countOwnersForUpdate(project.id())).thenReturn(1L);
    when(projects.update(any())).thenAnswer(inv -> inv.getArgument(0));

    service().remove(manager, project.id(), user.userId());
    service().archive(manager, project.id());

    verify(cache, org.mockito.Mockito.times(2))
        .evict(CacheKey.membership(project.id(), user.userId()));
    verify(cache, org.mockito.Mockito.times(2)).evict(CacheKey.project(project.id()));
  }
}
