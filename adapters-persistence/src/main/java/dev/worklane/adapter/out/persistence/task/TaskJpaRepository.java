package dev.worklane.adapter.out.persistence.task;

import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes after insert are single conditional statements: {@code version = :version} in the
 * WHERE clause is the optimistic lock, so of two writers that read one version exactly one changes
 * the row (the other sees zero rows) — no read-then-write window, no row held between requests.
 */
interface TaskJpaRepository extends JpaRepository<TaskEntity, UUID> {

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update TaskEntity t
         set t.title = :title, t.description = :description, t.status = :status,
             t.priority = :priority, t.assigneeId = :assigneeId, t.dueDate = :dueDate,
             t.updatedAt = :updatedAt, t.version = t.version + 1
       where t.id = :id and t.version = :version
      """)
  int updateAtVersion(
      @Param("id") UUID id,
      @Param("version") long version,
      @Param("title") String title,
      @Param("description") String description,
      @Param("status") TaskStatus status,
      @Param("priority") TaskPriority priority,
      @Param("assigneeId") UUID assigneeId,
      @Param("dueDate") LocalDate dueDate,
      @Param("updatedAt") Instant updatedAt);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from TaskEntity t where t.id = :id and t.version = :version")
  int deleteAtVersion(@Param("id") UUID id, @Param("version") long version);

  /**
   * The tasks change, so their version moves too: an ETag taken before the member left must not
   * write the old assignee back.
   */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update TaskEntity t
         set t.assigneeId = null, t.updatedAt = :now, t.version = t.version + 1
       where t.projectId = :projectId and t.assigneeId = :assigneeId
      """)
  int unassignAll(
      @Param("projectId") UUID projectId,
      @Param("assigneeId") UUID assigneeId,
      @Param("now") Instant now);
}
