package dev.worklane.adapter.out.persistence.task;

import dev.worklane.adapter.out.persistence.support.Keyset;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.VersionMismatchException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TaskRepository} on PostgreSQL: insert and load through JPA, changes as conditional
 * statements on the version ({@link TaskJpaRepository}), pages and counts in plain SQL ({@link
 * TaskQueries}).
 */
@Component
public class TaskRepositoryAdapter implements TaskRepository {

  /** The largest page an export may ask for: a page is held in memory whole. */
  static final int MAX_EXPORT_PAGE = 10_000;

  private final TaskJpaRepository tasks;
  private final NamedParameterJdbcTemplate jdbc;

  TaskRepositoryAdapter(TaskJpaRepository tasks, NamedParameterJdbcTemplate jdbc) {
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  /** Flushed at once: a duplicate number or an unknown project fails here, in the caller's tx. */
  @Override
  public Task add(Task task) {
    return TaskPersistenceMapper.toDomain(
        tasks.saveAndFlush(TaskPersistenceMapper.toNewEntity(task)));
  }

  @Override
  public Optional<Task> findById(TaskId id) {
    return tasks.findById(id.value()).map(TaskPersistenceMapper::toDomain);
  }

  @Override
  @Transactional
  public Task update(Task task) {
    int changed =
        tasks.updateAtVersion(
            task.id().value(),
            task.version(),
            task.title(),
            task.description(),
            task.status(),
            task.priority(),
            task.assigneeId() == null ? null : task.assigneeId().value(),
            task.dueDate(),
            task.updatedAt());
    if (changed == 0) {
      throw missedVersion(task);
    }
    return TaskPersistenceMapper.atVersion(task, task.version() + 1);
  }

  @Override
  @Transactional
  public void delete(Task task) {
    if (tasks.deleteAtVersion(task.id().value(), task.version()) == 0) {
      throw missedVersion(task);
    }
  }

  /** Zero rows: the task moved on to another version, or is gone altogether. */
  private RuntimeException missedVersion(Task task) {
    return tasks.existsById(task.id().value())
        ? new VersionMismatchException("Task")
        : new NotFoundException("Task");
  }

  @Override
  public CursorPage<Task> list(ProjectId project, TaskFilter filter, CursorRequest cursor) {
    TaskQueries.Statement page = TaskQueries.page(project, filter, cursor);
    List<Task> rows = jdbc.query(page.sql(), page.params(), TaskQueries::task);
    return Keyset.page(rows, cursor, t -> new Position(t.createdAt(), t.id().value()));
  }

  @Override
  public List<Task> listAfter(ProjectId project, TaskFilter filter, Position after, int limit) {
    if (limit < 1 || limit > MAX_EXPORT_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_EXPORT_PAGE);
    }
    TaskQueries.Statement page = TaskQueries.after(project, filter, after, limit);
    return jdbc.query(page.sql(), page.params(), TaskQueries::task);
  }

  @Override
  public long count(ProjectId project, TaskFilter filter) {
    TaskQueries.Statement count = TaskQueries.count(project, filter);
    Long tasks = jdbc.queryForObject(count.sql(), count.params(), Long.class);
    return tasks == null ? 0 : tasks;
  }

  @Override
  public ProjectSummary summarise(ProjectId project) {
    TaskQueries.Statement count = TaskQueries.countByStatus(project);
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    jdbc.query(
        count.sql(),
        count.params(),
        rs -> {
          counts.put(TaskStatus.valueOf(rs.getString("status")), rs.getLong("tasks"));
        });
    return new ProjectSummary(
        counts.getOrDefault(TaskStatus.TODO, 0L),
        counts.getOrDefault(TaskStatus.IN_PROGRESS, 0L),
        counts.getOrDefault(TaskStatus.DONE, 0L));
  }

  @Override
  @Transactional
  public int unassignAll(ProjectId project, UserId user, Instant now) {
    return tasks.unassignAll(project.value(), user.value(), now);
  }
}
