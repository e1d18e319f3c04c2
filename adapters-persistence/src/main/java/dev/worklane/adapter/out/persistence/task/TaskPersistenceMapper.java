package dev.worklane.adapter.out.persistence.task;

import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;

/**
 * Tasks between the domain record and their row, by hand: the record's behaviour methods ({@code
 * due(LocalDate, Instant)}, {@code describe(...)}) look like fluent setters to MapStruct.
 */
final class TaskPersistenceMapper {

  private TaskPersistenceMapper() {}

  static Task toDomain(TaskEntity entity) {
    return new Task(
        new TaskId(entity.getId()),
        new ProjectId(entity.getProjectId()),
        entity.getNumber(),
        entity.getTitle(),
        entity.getDescription(),
        entity.getStatus(),
        entity.getPriority(),
        entity.getAssigneeId() == null ? null : new UserId(entity.getAssigneeId()),
        new UserId(entity.getReporterId()),
        entity.getDueDate(),
        entity.getVersion(),
        entity.getCreatedAt(),
        entity.getUpdatedAt());
  }

  static TaskEntity toNewEntity(Task task) {
    TaskEntity entity = new TaskEntity();
    entity.setId(task.id().value());
    entity.setProjectId(task.projectId().value());
    entity.setNumber(task.number());
    entity.setTitle(task.title());
    entity.setDescription(task.description());
    entity.setStatus(task.status());
    entity.setPriority(task.priority());
    entity.setAssigneeId(task.assigneeId() == null ? null : task.assigneeId().value());
    entity.setReporterId(task.reporterId().value());
    entity.setDueDate(task.dueDate());
    entity.setVersion(task.version());
    entity.setCreatedAt(task.createdAt());
    entity.setUpdatedAt(task.updatedAt());
    return entity;
  }

  /** The stored task after a conditional update: the same state at the next version. */
  static Task atVersion(Task task, long version) {
    return new Task(
        task.id(),
        task.projectId(),
        task.number(),
        task.title(),
        task.description(),
        task.status(),
        task.priority(),
        task.assigneeId(),
        task.reporterId(),
        task.dueDate(),
        version,
        task.createdAt(),
        task.updatedAt());
  }
}
