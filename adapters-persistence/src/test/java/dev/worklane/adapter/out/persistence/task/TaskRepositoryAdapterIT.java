package dev.worklane.adapter.out.persistence.task;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aTask;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class TaskRepositoryAdapterIT extends TaskRepositoryContract {

  private static final int CREATORS = 8;
  private static final int TASKS_EACH = 25;

  private final TaskRepositoryAdapter adapter;
  private final ProjectRepository projects;
  private final Transactions transactions;
  private final UserRepository users;
  private final JdbcTemplate jdbc;

  TaskRepositoryAdapterIT(
      TaskRepositoryAdapter adapter,
      ProjectRepository projects,
      Transactions transactions,
      UserRepository users,
      JdbcTemplate jdbc) {
    this.adapter = adapter;
    this.projects = projects;
    this.transactions = transactions;
    this.users = users;
    this.jdbc = jdbc;
  }

  @Override
  protected TaskRepository tasks() {
    return adapter;
  }

  @Override
  protected ProjectRepository projects() {
    return projects;
  }

  @Override
  protected UserId existingUser() {
    return users
        .add(
            aUser()
                .email("tr-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  /** What TaskService does per creation: counter and insert in one transaction. */
  private long create(ProjectId project, UserId reporter) {
    return transactions.inTransaction(
        () -> {
          long number = projects.nextTaskNumber(project);
          Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
          return adapter.add(aTask(project, number, reporter, now)).number();
        });
  }

  @Test
  void numbersAreGapFreeAndUniqueUnderConcurrentCreators() throws Exception {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
    List<Future<List<Long>>> results = new ArrayList<>();
    try {
      for (int c = 0; c < CREATORS; c++) {
        results.add(
            creators.submit(
                () -> {
                  start.await();
                  List<Long> numbers = new ArrayList<>();
                  for (int i = 0; i < TASKS_EACH; i++) {
                    numbers.add(create(project, reporter));
                  }
                  return numbers;
                }));
      }
      start.countDown();
      List<Long> handedOut = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        handedOut.addAll(result.get(60, TimeUnit.SECONDS));
      }

      List<Long> expected = LongStream.rangeClosed(1, CREATORS * TASKS_EACH).boxed().toList();
      assertThat(handedOut)
          .hasSize(CREATORS * TASKS_EACH)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(
              jdbc.queryForList(
                  "select number from tasks where project_id = ? order by number",
                  Long.class,
                  project.value()))
          .containsExactlyElementsOf(expected);
      assertThat(counter(project)).isEqualTo(CREATORS * TASKS_EACH);
    } finally {
      creators.shutdownNow();
    }
  }

  @Test
  void aRolledBackCreationGivesItsNumberBack() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    assertThat(create(project, reporter)).isEqualTo(1);

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      long number = projects.nextTaskNumber(project);
                      adapter.add(aTask(project, number, reporter, T1));
                      throw new IllegalStateException("the creation fails after the insert");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(create(project, reporter)).isEqualTo(2);
    assertThat(counter(project)).isEqualTo(2);
  }

  /** uq_tasks_project_number holds even for a writer that bypasses the counter. */
  @Test
  void aNumberTakenTwiceInOneProjectIsRefused() {
    ProjectId project = newProject();
    UserId reporter = existingUser();
    adapter.add(aTask(project, 1, reporter, T1));

    assertThatThrownBy(() -> adapter.add(aTask(project, 1, reporter, T1)))
        .isInstanceOf(DataIntegrityViolationException.class);
    adapter.add(aTask(newProject(), 1, reporter, T1));
  }

  private long counter(ProjectId id) {
    return jdbc.queryForObject(
        "select task_counter from projects where id = ?", Long.class, id.value());
  }
}
