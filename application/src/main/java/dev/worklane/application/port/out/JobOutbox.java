package dev.worklane.application.port.out;

import java.util.List;

/** The relay's side of the transactional outbox (the persistence adapter's table). */
public interface JobOutbox {

  /**
   * Locks up to {@code limit} pending jobs, oldest first, skipping rows another instance has
   * locked. Must run inside a transaction; the locks end with it.
   */
  List<OutboxJob> lockPending(int limit);

  /** Deletes relayed jobs, by queue and id (in the same transaction that locked them). */
  void remove(List<OutboxJob> jobs);

  /** How many jobs wait to be relayed (a gauge: grows while Redis is down). */
  long pendingCount();
}
