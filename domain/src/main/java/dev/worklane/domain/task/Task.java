package dev.worklane.domain.task;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.Require;
import dev.worklane.domain.common.VersionMismatchException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The task aggregate. {@code number} is gap-free per project and shown with the project's key
 * ({@code WL-42}); {@code version} is the optimistic lock the API exposes as the ETag. Whether an
 * assignee is a member of the project is checked by the use case, which knows the members.
 */
public record Task(
    TaskId id,
    ProjectId projectId,
    long number,
    String title,
    String description,
    TaskStatus status,
    TaskPriority priority,
    UserId assigneeId,
    UserId reporterId,
    LocalDate dueDate,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 10_000;

  public Task {
    Require.present(id, "id");
    Require.present(projectId, "projectId");
    if (number < 1) {
      throw new InvalidInputException("number", "number starts at 1");
    }
    title = Require.name(title, "title", TITLE_MAX);
    description = Require.optionalText(description, "description", DESCRIPTION_MAX);
    Require.present(status, "status");
    Require.present(priority, "priority");
    Require.present(reporterId, "reporterId");
    Require.present(createdAt, "createdAt");
    Require.present(updatedAt, "updatedAt");
  }

  /** A new task: TODO, version 0. */
  public static Task open(
      TaskId id,
      ProjectId projectId,
      long number,
      String title,
      String description,
      TaskPriority priority,
      UserId assigneeId,
      UserId reporterId,
      LocalDate dueDate,
      Instant now) {
    return new Task(
        id,
        projectId,
        number,
        title,
        description,
        TaskStatus.TODO,
        priority == null ? TaskPriority.MEDIUM : priority,
        assigneeId,
        reporterId,
        dueDate,
        0,
        now,
        now);
  }

  /** {@code KEY-42}: how people refer to the task. */
  public String displayKey(ProjectKey key) {
    return key.value() + "-" + number;
  }

  /** Refuses a change made from an older version (a stale ETag). */
  public void requireVersion(long expected) {
    if (expected != version) {
      throw new VersionMismatchException("Task");
    }
  }

  public Task retitle(String newTitle, Instant now) {
    return with(newTitle, description, status, priority, assigneeId, dueDate, now);
  }

  public Task describe(String newDescription, Instant now) {
    return with(title, newDescription, status, priority, assigneeId, dueDate, now);
  }

  public Task moveTo(TaskStatus newStatus, Instant now) {
    return with(
        title,
        description,
        Require.present(newStatus, "status"),
        priority,
        assigneeId,
        dueDate,
        now);
  }

  public Task prioritise(TaskPriority newPriority, Instant now) {
    return with(
        title,
        description,
        status,
        Require.present(newPriority, "priority"),
        assigneeId,
        dueDate,
        now);
  }

  /** {@code null} unassigns. */
  public Task assignTo(UserId assignee, Instant now) {
    return with(title, description, status, priority, assignee, dueDate, now);
  }

  /** {@code null} clears the due date. */
  public Task due(LocalDate newDueDate, Instant now) {
    return with(title, description, status, priority, assigneeId, newDueDate, now);
  }

  private Task with(
      String title,
      String description,
      TaskStatus status,
      TaskPriority priority,
      UserId assigneeId,
      LocalDate dueDate,
      Instant now) {
    return new Task(
        id,
        projectId,
        number,
        title,
        description,
        status,
        priority,
        assigneeId,
        reporterId,
        dueDate,
        version,
        createdAt,
        now);
  }
}
