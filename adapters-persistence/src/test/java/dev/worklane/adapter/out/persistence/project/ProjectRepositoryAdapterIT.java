package dev.worklane.adapter.out.persistence.project;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.user.UserId;
import java.util.UUID;
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
