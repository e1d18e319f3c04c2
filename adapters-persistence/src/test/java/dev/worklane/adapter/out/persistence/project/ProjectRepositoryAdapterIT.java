package dev.worklane.adapter.out.persistence.project;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

@PersistenceIntegrationTest
class ProjectRepositoryAdapterIT extends ProjectRepositoryContract {

  private final ProjectRepositoryAdapter adapter;
  private final Transactions transactions;
  private final UserRepository users;
  private final JdbcTemplate jdbc;

  ProjectRepositoryAdapterIT(
      ProjectRepositoryAdapter adapter,
      Transactions transactions,
      UserRepository users,
      JdbcTemplate jdbc) {
    this.adapter = adapter;
    this.transactions = transactions;
    this.users = users;
    this.jdbc = jdbc;
  }

  @Override
  protected ProjectRepository projects() {
    return adapter;
  }

  @Override
  protected Transactions transactions() {
    return transactions;
  }

  @Override
  protected UserId existingUser() {
    return users
        .add(
            aUser()
                .email("pr-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  /** Outside a transaction the number would commit at once and be lost by a failed insert. */
  @Test
  void aNumberIsOnlyHandedOutInsideATransaction() {
    Project project = adapter.add(aProject(existingUser(), T1));

    assertThatThrownBy(() -> adapter.nextTaskNumber(project.id()))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(counter(project.id())).isZero();
  }

  @Test
  void aNumberOfAnUnknownProjectIsNotFound() {
    assertThatThrownBy(
            () -> transactions.inTransaction(() -> adapter.nextTaskNumber(ProjectId.random())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateOfAnUnknownProjectIsNotFound() {
    assertThatThrownBy(() -> adapter.update(aProject(existingUser(), T1)))
        .isInstanceOf(NotFoundException.class);
  }

  /**
   * Two owners removing each other: the second count waits for the first removal's commit and then
   * sees one owner, so the second removal is refused and the project keeps an owner. Without the
   * lock the second count reads 2 beside the uncommitted delete and both removals go through.
   */
  @Test
  void theOwnerCountWaitsForAConcurrentRemovalAndSeesItsResult() throws Exception {
    UserId first = existingUser();
    UserId second = existingUser();
    Project project = adapter.add(aProject(first, T1));
    adapter.addMember(new ProjectMember(project.id(), first, ProjectRole.OWNER, T1));
    adapter.addMember(new ProjectMember(project.id(), second, ProjectRole.OWNER, T1));
    CountDownLatch removedUncommitted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> firstRemoval =
          threads.submit(
              () ->
                  transactions.inTransaction(
                      () -> {
                        long owners = adapter.countOwnersForUpdate(project.id());
                        adapter.removeMember(project.id(), second);
                        removedUncommitted.countDown();
                        awaitQuietly(commit);
                        return owners;
                      }));
      assertThat(removedUncommitted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Long> secondCount =
          threads.submit(
              () -> transactions.inTransaction(() -> adapter.countOwnersForUpdate(project.id())));
      await().atMost(Duration.ofSeconds(10)).until(() -> secondCount.isDone() || lockWaiters() > 0);
      commit.countDown();

      assertThat(firstRemoval.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(secondCount.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      commit.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void theOwnersAreOnlyCountedInsideATransaction() {
    Project project = adapter.add(aProject(existingUser(), T1));

    assertThatThrownBy(() -> adapter.countOwnersForUpdate(project.id()))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  private int lockWaiters() {
    return jdbc.queryForObject(
        "select count(*) from pg_stat_activity"
            + " where datname = current_database() and wait_event_type = 'Lock'",
        Integer.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The counter is not part of the entity: saving a project never writes an old value back. */
  @Test
  void updatingTheProjectKeepsTheTaskCounter() {
    Project project = adapter.add(aProject(existingUser(), T1));
    transactions.inTransaction(() -> adapter.nextTaskNumber(project.id()));

    adapter.update(project.rename("Renamed", T1.plusSeconds(1)));

    assertThat(counter(project.id())).isEqualTo(1);
  }

  private long counter(ProjectId id) {
    return jdbc.queryForObject(
        "select task_counter from projects where id = ?", Long.class, id.value());
  }
}
