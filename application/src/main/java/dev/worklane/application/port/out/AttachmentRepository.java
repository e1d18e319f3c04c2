package dev.worklane.application.port.out;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.task.TaskId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attachment rows. A row's task is a foreign key: deleting a task deletes its rows, and the objects
 * they named become orphans for the sweeper.
 */
public interface AttachmentRepository {

  /** Inserts at once: an unknown (or just deleted) task fails here, in the caller's transaction. */
  Attachment add(Attachment attachment);

  Optional<Attachment> findById(AttachmentId id);

  /** A task's attachments, newest first by {@code (createdAt, id)}. */
  CursorPage<Attachment> list(TaskId task, CursorRequest cursor);

  /**
   * Stores the processing outcome (status, sniffed type, SHA-256, size, reason) only over a row
   * that is still PENDING; false when it is not (processed meanwhile, or deleted).
   */
  boolean finishProcessing(Attachment processed);

  /** Deletes the row; false when there was none. */
  boolean delete(AttachmentId id);

  /** Which of {@code storageKeys} some row names (the sweeper deletes objects that none names). */
  Set<String> existingKeys(Collection<String> storageKeys);

  /** Rows PENDING since before {@code createdBefore}, oldest first, at most {@code limit}. */
  List<Attachment> pendingSince(Instant createdBefore, int limit);

  /**
   * Rows of tasks in projects archived before {@code archivedBefore}, at most {@code limit}: past
   * their retention.
   */
  List<Attachment> inProjectsArchivedBefore(Instant archivedBefore, int limit);

  /** How many rows there are of each status (every status present, zero included). */
  Map<AttachmentStatus, Long> countByStatus();
}
