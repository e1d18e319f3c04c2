package dev.worklane.application.service.attachment;

import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.support.OrphanObjects;
import dev.worklane.domain.attachment.Attachment;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Leaves nothing orphaned, run periodically on every instance (each step is idempotent):
 *
 * <ol>
 *   <li>objects under {@value #PREFIX} older than the grace period that no row names: uploads whose
 *       row never committed (a crash between the two steps, a failed delete), the objects of
 *       deleted tasks (their rows went with the task), and unfinished uploads (the store's {@code
 *       list} clears those);
 *   <li>rows still PENDING past their limit (the job was lost or failed for good), with their
 *       object;
 *   <li>attachments of projects archived longer than the retention, with their objects.
 * </ol>
 *
 * Rows go before objects, so a row never names a missing object; an object whose delete fails is
 * picked up by step 1 of a later run.
 */
public final class AttachmentSweeper {
  static final String PREFIX = "attachments/";

  /** Keys per existence query, rows per transaction. */
  static final int BATCH = 200;

  /** Rows per run and step: a huge backlog is worked off over several runs, not in one. */
  static final int MAX_ROWS_PER_RUN = 10 * BATCH;

  private final AttachmentRepository attachments;
  private final ObjectStorage storage;
  private final Transactions transactions;
  private final AttachmentSettings settings;
  private final Clock clock;

  public AttachmentSweeper(
      AttachmentRepository attachments,
      ObjectStorage storage,
      Transactions transactions,
      AttachmentSettings settings,
      Clock clock) {
    this.attachments = attachments;
    this.storage = storage;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  /** What one run removed. */
  public record Sweep(int orphanObjects, int stuckPending, int archived) {}

  public Sweep sweep() {
    Instant now = clock.instant();
    int orphans = removeOrphanObjects(now.minus(settings.orphanGrace()));
    int pending =
        removeRows(
            before -> attachments.pendingSince(before, BATCH), now.minus(settings.pendingLimit()));
    int archived =
        removeRows(
            before -> attachments.inProjectsArchivedBefore(before, BATCH),
            now.minus(settings.archivedRetention()));
    return new Sweep(orphans, pending, archived);
  }

  private int removeOrphanObjects(Instant olderThan) {
    return OrphanObjects.remove(storage, PREFIX, olderThan, BATCH, attachments::existingKeys);
  }

  private int removeRows(Function<Instant, List<Attachment>> due, Instant before) {
    int removed = 0;
    while (removed < MAX_ROWS_PER_RUN) {
      List<Attachment> rows = due.apply(before);
      for (Attachment row : rows) {
        transactions.inTransaction(() -> attachments.delete(row.id()));
        storage.delete(row.storageKey());
        removed++;
      }
      if (rows.size() < BATCH) {
        break;
      }
    }
    return removed;
  }
}
