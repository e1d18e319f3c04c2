package dev.worklane.adapter.out.persistence.task;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Issue #7 §5: the task page stays an index range scan on a large project. 100 000 tasks in a
 * project of their own, then EXPLAIN of exactly the statement the adapter runs — first page and a
 * page from the middle, with and without filters, planned for the bound values as PostgreSQL plans
 * the adapter's statement.
 */
@PersistenceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskPageQueryPlanIT {

  private static final int TASKS = 100_000;

  private final NamedParameterJdbcTemplate jdbc;
  private final ProjectRepository projects;
  private final UserRepository users;
  private final TaskRepositoryAdapter adapter;
  private ProjectId project;
  private UserId assignee;
  private Position middle;

  TaskPageQueryPlanIT(
      NamedParameterJdbcTemplate jdbc,
      ProjectRepository projects,
      UserRepository users,
      TaskRepositoryAdapter adapter) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.users = users;
    this.adapter = adapter;
  }

  /**
   * One INSERT ... SELECT generate_series, then ANALYZE so the planner knows the project's size.
   */
  @BeforeAll
  void fillOneLargeProject() {
    UserId reporter = newUser();
    assignee = newUser();
    project = projects.add(aProject(reporter, T1)).id();
    jdbc.update(
        """
        insert into tasks (id, project_id, number, title, status, priority, assignee_id,
                           reporter_id, version, created_at, updated_at)
        select gen_random_uuid(), :project, n, 'Task ' || n,
               (array['TODO', 'IN_PROGRESS', 'DONE'])[1 + n % 3], 'MEDIUM',
               case when n % 4 = 0 then cast(:assignee as uuid) end, :reporter, 0,
               timestamptz '2026-01-01 00:00:00+00' + n * interval '1 millisecond',
               timestamptz '2026-01-01 00:00:00+00' + n * interval '1 millisecond'
          from generate_series(1, :tasks) as n
        """,
        Map.of(
            "project", project.value(),
            "assignee", assignee.value(),
            "reporter", reporter.value(),
            "tasks", TASKS));
    jdbc.getJdbcTemplate().execute("analyze tasks");
    Map<String, Object> row =
        jdbc.queryForMap(
            "select created_at, id from tasks where project_id = :project and number = :number",
            Map.of("project", project.value(), "number", TASKS / 2));
    middle =
        new Position(
            ((java.sql.Timestamp) row.get("created_at")).toInstant(), (UUID) row.get("id"));
  }

  private UserId newUser() {
    return users
        .add(
            aUser()
                .email("plan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  @Test
  void theFirstPageIsAnIndexScanOnTheCompositeIndex() {
    assertIndexScan(TaskFilter.none(), CursorRequest.first(20), "ix_tasks_project_created");
  }

  @Test
  void aPageFromTheMiddleStartsInsideTheCompositeIndex() {
    List<String> plan =
        assertIndexScan(
            TaskFilter.none(), new CursorRequest(middle, 20), "ix_tasks_project_created");

    // The cursor is an index bound, not a filter applied to rows read from the start.
    assertThat(String.join("\n", plan)).containsPattern("Index Cond: .*ROW\\(created_at, id\\) >");
  }

  @Test
  void aStatusFilteredPageUsesTheStatusIndex() {
    TaskFilter done = new TaskFilter(TaskStatus.DONE, null);
    assertIndexScan(done, CursorRequest.first(20), "ix_tasks_project_status_created");
    assertIndexScan(done, new CursorRequest(middle, 20), "ix_tasks_project_status_created");
  }

  @Test
  void anAssigneeFilteredPageUsesTheAssigneeIndex() {
    TaskFilter mine = new TaskFilter(null, assignee);
    assertIndexScan(mine, CursorRequest.first(20), "ix_tasks_project_assignee_created");
    assertIndexScan(mine, new CursorRequest(middle, 20), "ix_tasks_project_assignee_created");
  }

  @Test
  void thePageReturnsTheRowsAfterTheCursor() {
    TaskQueries.Statement page =
        TaskQueries.page(project, TaskFilter.none(), new CursorRequest(middle, 3));

    List<Long> numbers = jdbc.query(page.sql(), page.params(), (rs, i) -> rs.getLong("number"));

    assertThat(numbers)
        .containsExactly(TASKS / 2 + 1L, TASKS / 2 + 2L, TASKS / 2 + 3L, TASKS / 2 + 4L);
  }

  /** Issue #13: a report walks the project in pages of 1 000 with the same keyset statement. */
  @Test
  void anExportPageFromTheMiddleIsTheSameIndexRangeScan() {
    List<String> plan =
        assertIndexScan(
            TaskQueries.after(project, TaskFilter.none(), middle, 1_000),
            "ix_tasks_project_created");
    assertThat(String.join("\n", plan)).containsPattern("Index Cond: .*ROW\\(created_at, id\\) >");
    assertIndexScan(
        TaskQueries.after(project, new TaskFilter(TaskStatus.DONE, null), middle, 1_000),
        "ix_tasks_project_status_created");
  }

  @Test
  void theExportWalksAllTasksOncePageByPageInTheListOrder() {
    long seen = 0;
    long lastNumber = 0;
    Position after = null;
    int pages = 0;
    List<dev.worklane.domain.task.Task> page;
    do {
      page = adapter.listAfter(project, TaskFilter.none(), after, 1_000);
      for (var task : page) {
        assertThat(task.number()).isGreaterThan(lastNumber);
        lastNumber = task.number();
        seen++;
      }
      if (!page.isEmpty()) {
        after = new Position(page.getLast().createdAt(), page.getLast().id().value());
      }
      pages++;
    } while (page.size() == 1_000);

    assertThat(seen).isEqualTo(TASKS).isEqualTo(adapter.count(project, TaskFilter.none()));
    assertThat(pages).isEqualTo(TASKS / 1_000 + 1);
    assertThat(adapter.count(project, new TaskFilter(null, assignee))).isEqualTo(TASKS / 4);
  }

  /** Asserts the plan reads one index range in order and stops after the page; returns it. */
  private List<String> assertIndexScan(TaskFilter filter, CursorRequest cursor, String index) {
    return assertIndexScan(TaskQueries.page(project, filter, cursor), index);
  }

  private List<String> assertIndexScan(TaskQueries.Statement page, String index) {
    List<String> plan = jdbc.queryForList("explain " + page.sql(), page.params(), String.class);
    System.out.println("EXPLAIN " + page.sql() + "\n  " + String.join("\n  ", plan));
    assertThat(String.join("\n", plan))
        .as("plan of %s", page.sql())
        .contains("Index Scan using " + index + " on tasks")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort")
        .doesNotContain("Bitmap");
    assertThat(plan.getFirst()).startsWith("Limit");
    return plan;
  }
}
