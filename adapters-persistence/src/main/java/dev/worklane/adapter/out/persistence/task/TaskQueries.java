package dev.worklane.adapter.out.persistence.task;

import static dev.worklane.adapter.out.persistence.support.Keyset.utc;

import dev.worklane.adapter.out.persistence.support.Keyset;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The plain-SQL reads of tasks. The page query is built per filter combination rather than with
 * "(:status is null or status = :status)": a generic plan of that form cannot pick the index whose
 * leading columns match the filter, and the page must stay an index range scan at any size.
 */
final class TaskQueries {

  /** One statement and its parameters; the EXPLAIN test runs exactly this. */
  record Statement(String sql, MapSqlParameterSource params) {}

  private static final String COLUMNS =
      "id, project_id, number, title, description, status, priority, assignee_id, reporter_id,"
          + " due_date, version, created_at, updated_at";

  private TaskQueries() {}

  /**
   * A keyset page over (created_at, id), one row more than asked for. The row-value comparison
   * {@code (created_at, id) > (?, ?)} is what lets PostgreSQL start inside ix_tasks_project_created
   * (or the status/assignee variant) at the cursor; the equivalent "a > x or (a = x and b > y)"
   * would not be used as an index bound.
   */
  static Statement page(ProjectId project, TaskFilter filter, CursorRequest cursor) {
    return after(project, filter, cursor.after(), Keyset.limitOf(cursor));
  }

  /**
   * Up to {@code limit} tasks after {@code after} (null: from the first): the page query and the
   * export's walk alike, so both stay the same index range scan.
   */
  static Statement after(ProjectId project, TaskFilter filter, Position after, int limit) {
    MapSqlParameterSource params = new MapSqlParameterSource("project", project.value());
    StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from tasks");
    where(sql, params, project, filter);
    if (after != null) {
      sql.append(" and (created_at, id) > (:afterAt, :afterId)");
      params.addValue("afterAt", utc(after.at())).addValue("afterId", after.id());
    }
    sql.append(" order by created_at, id limit :limit");
    params.addValue("limit", limit);
    return new Statement(sql.toString(), params);
  }

  /** Served by the same indexes as the pages (their leading columns are the filter's). */
  static Statement count(ProjectId project, TaskFilter filter) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    StringBuilder sql = new StringBuilder("select count(*) from tasks");
    where(sql, params, project, filter);
    return new Statement(sql.toString(), params);
  }

  private static void where(
      StringBuilder sql, MapSqlParameterSource params, ProjectId project, TaskFilter filter) {
    sql.append(" where project_id = :project");
    params.addValue("project", project.value());
    if (filter.status() != null) {
      sql.append(" and status = :status");
      params.addValue("status", filter.status().name());
    }
    if (filter.assigneeId() != null) {
      sql.append(" and assignee_id = :assignee");
      params.addValue("assignee", filter.assigneeId().value());
    }
  }

  /** Served by ix_tasks_project_status_created (its leading columns are exactly these). */
  static Statement countByStatus(ProjectId project) {
    return new Statement(
        "select status, count(*) as tasks from tasks where project_id = :project group by status",
        new MapSqlParameterSource("project", project.value()));
  }

  static Task task(ResultSet rs, int row) throws SQLException {
    UUID assignee = rs.getObject("assignee_id", UUID.class);
    Date due = rs.getDate("due_date");
    return new Task(
        new TaskId(rs.getObject("id", UUID.class)),
        new ProjectId(rs.getObject("project_id", UUID.class)),
        rs.getLong("number"),
        rs.getString("title"),
        rs.getString("description"),
        TaskStatus.valueOf(rs.getString("status")),
        TaskPriority.valueOf(rs.getString("priority")),
        assignee == null ? null : new UserId(assignee),
        new UserId(rs.getObject("reporter_id", UUID.class)),
        due == null ? null : due.toLocalDate(),
        rs.getLong("version"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
