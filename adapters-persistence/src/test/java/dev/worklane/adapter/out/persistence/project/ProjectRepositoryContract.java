package dev.worklane.adapter.out.persistence.project;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.project.ProjectKeyTakenException;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProjectRepository} must do, whatever stores it. Tests make their own users and
 * projects (random keys), so they may share one store; lists are checked through a fresh member.
 */
abstract class ProjectRepositoryContract {

  protected abstract ProjectRepository projects();

  protected abstract Transactions transactions();

  /** A user the store accepts as owner and member (a stored user, where the store checks). */
  protected abstract UserId existingUser();

  private Project addWithOwner(UserId owner, Instant at) {
    Project project = projects().add(aProject(owner, at));
    projects().addMember(new ProjectMember(project.id(), owner, ProjectRole.OWNER, at));
    return project;
  }

  @Test
  void addedProjectIsFoundWithEveryFieldToTheMicrosecond() {
    Project project = aProject(existingUser(), T1);

    Project added = projects().add(project);

    assertThat(added).isEqualTo(project);
    assertThat(projects().findById(project.id())).contains(project);
  }

  @Test
  void findAnswersEmptyForAnUnknownProject() {
    assertThat(projects().findById(ProjectId.random())).isEmpty();
  }

  @Test
  void aTakenKeyIsRefusedAndTheFirstProjectStays() {
    Project first = projects().add(aProject(existingUser(), T1));
    Project sameKey =
        Project.create(
            ProjectId.random(),
            new ProjectKey(first.key().value()),
            "Other",
            null,
            existingUser(),
            T1);

    assertThatThrownBy(() -> projects().add(sameKey))
        .isInstanceOfSatisfying(
            ProjectKeyTakenException.class,
            e -> assertThat(e.code()).isEqualTo("PROJECT_KEY_TAKEN"));
    assertThat(projects().findById(first.id())).contains(first);
    assertThat(projects().findById(sameKey.id())).isEmpty();
  }

  @Test
  void updateStoresTheChangeAtTheNextVersion() {
    Project project = projects().add(aProject(existingUser(), T1));

    Project updated =
        projects()
            .update(project.rename("Renamed", T1.plusSeconds(1)).describe(null, T1.plusSeconds(2)));

    assertThat(updated.version()).isEqualTo(project.version() + 1);
    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.description()).isNull();
    assertThat(updated.updatedAt()).isEqualTo(T1.plusSeconds(2));
    assertThat(updated.createdAt()).isEqualTo(T1);
    assertThat(projects().findById(project.id())).contains(updated);
  }

  @Test
  void anUpdateFromAStaleReadIsAConflictAndKeepsTheNewerChange() {
    Project read = projects().add(aProject(existingUser(), T1));
    Project archived = projects().update(read.archive(T1.plusSeconds(1)));

    assertThatThrownBy(() -> projects().update(read.rename("Stale", T1.plusSeconds(2))))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("CONCURRENT_MODIFICATION"));
    assertThat(projects().findById(read.id())).contains(archived);
    assertThat(archived.archived()).isTrue();
  }

  @Test
  void numbersFollowOnePerCallFromOne() {
    Project project = projects().add(aProject(existingUser(), T1));

    List<Long> numbers =
        transactions()
            .inTransaction(
                () ->
                    List.of(
                        projects().nextTaskNumber(project.id()),
                        projects().nextTaskNumber(project.id()),
                        projects().nextTaskNumber(project.id())));

    assertThat(numbers).containsExactly(1L, 2L, 3L);
  }

  @Test
  void membersAreFoundCountedAndRemoved() {
    UserId owner = existingUser();
    UserId member = existingUser();
    Project project = addWithOwner(owner, T1);
    ProjectMember added = new ProjectMember(project.id(), member, ProjectRole.MEMBER, T1);

    projects().addMember(added);

    assertThat(projects().findMember(project.id(), member)).contains(added);
    assertThat(transactions().inTransaction(() -> projects().countOwnersForUpdate(project.id())))
        .isEqualTo(1);
    projects().removeMember(project.id(), member);
    assertThat(projects().findMember(project.id(), member)).isEmpty();
    assertThat(projects().findMember(project.id(), owner)).isPresent();
  }

  @Test
  void addingAMemberTwiceIsAlreadyMemberAndKeepsTheFirstRole() {
    UserId owner = existingUser();
    Project project = addWithOwner(owner, T1);

    assertThatThrownBy(
            () ->
                projects()
                    .addMember(
                        new ProjectMember(
                            project.id(), owner, ProjectRole.MEMBER, T1.plusSeconds(1))))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_MEMBER"));
    assertThat(projects().findMember(project.id(), owner).orElseThrow().role())
        .isEqualTo(ProjectRole.OWNER);
  }

  @Test
  void memberPagesComeLongestStandingFirstWithTheirTotal() {
    Project project = projects().add(aProject(existingUser(), T1));
    List<ProjectMember> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ProjectMember member =
          new ProjectMember(
              project.id(),
              existingUser(),
              i == 0 ? ProjectRole.OWNER : ProjectRole.MEMBER,
              // two members share one instant: the user id breaks the tie
              T1.plusSeconds(i == 2 ? 1 : i));
      projects().addMember(member);
      members.add(member);
    }
    members.sort(
        Comparator.comparing(ProjectMember::addedAt).thenComparing(m -> m.userId().toString()));

    Page<ProjectMember> first = projects().members(project.id(), new PageRequest(1, 2));
    Page<ProjectMember> last = projects().members(project.id(), new PageRequest(3, 2));
    Page<ProjectMember> beyond = projects().members(project.id(), new PageRequest(4, 2));

    assertThat(first.items()).containsExactlyElementsOf(members.subList(0, 2));
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.page()).isEqualTo(1);
    assertThat(first.perPage()).isEqualTo(2);
    assertThat(last.items()).containsExactly(members.get(4));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(5);
    assertThat(walk(c -> projects().members(project.id(), c), 2))
        .containsExactlyElementsOf(members);
    assertThat(walk(c -> projects().members(project.id(), c), 5))
        .containsExactlyElementsOf(members);
  }

  @Test
  void aMembersListShowsOnlyTheirProjectsAndArchivedOnesOnlyWhenAsked() {
    UserId member = existingUser();
    Project older = addWithOwner(member, T1);
    Project archived = projects().update(addWithOwner(member, T1).archive(T1.plusSeconds(5)));
    Project newer = addWithOwner(member, T1.plusSeconds(1));
    addWithOwner(existingUser(), T1); // someone else's
    List<Project> active = sorted(List.of(older, newer));
    List<Project> all = sorted(List.of(older, archived, newer));

    Page<Project> page = projects().list(member, false, new PageRequest(1, 20));
    Page<Project> withArchived = projects().list(member, true, new PageRequest(1, 20));
    Page<Project> second = projects().list(member, true, new PageRequest(2, 2));

    assertThat(page.items()).containsExactlyElementsOf(active);
    assertThat(page.total()).isEqualTo(2);
    assertThat(withArchived.items()).containsExactlyElementsOf(all);
    assertThat(withArchived.total()).isEqualTo(3);
    assertThat(second.items()).containsExactly(all.get(2));
    assertThat(walk(c -> projects().list(member, false, c), 1)).containsExactlyElementsOf(active);
    assertThat(walk(c -> projects().list(member, true, c), 2)).containsExactlyElementsOf(all);
  }

  @Test
  void theListOfEveryProjectIsOrderedWithoutRepeatsAndHidesArchivedOnes() {
    Project active = projects().add(aProject(existingUser(), T1));
    Project archived =
        projects().update(projects().add(aProject(existingUser(), T1)).archive(T1.plusSeconds(1)));

    List<Project> walked = walk(c -> projects().list(null, false, c), 7);
    Page<Project> counted = projects().list(null, false, new PageRequest(1, 1));
    List<Project> everything = walk(c -> projects().list(null, true, c), 100);

    assertThat(walked).contains(active).doesNotContain(archived).doesNotHaveDuplicates();
    assertThat(walked).isSortedAccordingTo(ORDER);
    assertThat(counted.total()).isEqualTo(walked.size());
    assertThat(everything)
        .contains(active, archived)
        .hasSize(walked.size() + countArchived(everything));
  }

  private static int countArchived(List<Project> projects) {
    return (int) projects.stream().filter(Project::archived).count();
  }

  /**
   * The stores' order. Ties are broken by the id as PostgreSQL compares uuids (unsigned bytes),
   * which is the order of their lower-case text, not {@code UUID.compareTo} (signed halves).
   */
  private static final Comparator<Project> ORDER =
      Comparator.comparing(Project::createdAt).thenComparing(p -> p.id().toString());

  private static List<Project> sorted(List<Project> projects) {
    return projects.stream().sorted(ORDER).toList();
  }

  /** Follows {@code next} from the first page to the last, collecting every item. */
  static <T> List<T> walk(Function<CursorRequest, CursorPage<T>> pages, int perPage) {
    List<T> items = new ArrayList<>();
    CursorRequest request = CursorRequest.first(perPage);
    while (true) {
      CursorPage<T> page = pages.apply(request);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(perPage);
      assertThat(page.perPage()).isEqualTo(perPage);
      items.addAll(page.items());
      if (page.next() == null) {
        return items;
      }
      assertThat(page.items()).hasSize(perPage);
      request = new CursorRequest(page.next(), perPage);
    }
  }
}
