package dev.worklane.application.service.job;

import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.OutboxJob;
import dev.worklane.application.port.out.Transactions;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed jobs from the outbox to the engine. Runs after every commit that enqueued
 * (through {@link #nudge()}, on the given executor, so requests never wait for Redis) and on a poll
 * (after a crash or while Redis was down). Rows are locked with SKIP LOCKED, handed to the engine
 * and deleted in one transaction: if the engine is unreachable the transaction rolls back and the
 * rows stay; if the commit fails after the hand-over, the next relay hands them over again and the
 * engine ignores the duplicate ids. Several instances relay concurrently without double work.
 */
public final class JobRelay {
  private static final System.Logger LOG = System.getLogger(JobRelay.class.getName());

  /** Rows per transaction: one engine round trip each. */
  static final int BATCH = 500;

  private final JobOutbox outbox;
  private final JobBroker broker;
  private final Transactions transactions;
  private final Executor executor;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();

  public JobRelay(
      JobOutbox outbox, JobBroker broker, Transactions transactions, Executor executor) {
    this.outbox = outbox;
    this.broker = broker;
    this.transactions = transactions;
    this.executor = executor;
  }

  /**
   * Asks for a relay soon. Nudges that arrive while one is scheduled are folded into it, so a burst
   * of commits costs one relay, not one each.
   */
  public void nudge() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              scheduled.set(false);
              relayQuietly();
            });
      } catch (RuntimeException rejected) {
        // Shutting down: the poll of the next start relays the rows; nothing is lost.
        scheduled.set(false);
      }
    }
  }

  /** Relays everything pending now; returns how many jobs went to the engine. */
  public int relay() {
    int total = 0;
    while (true) {
      int moved = transactions.inTransaction(this::relayBatch);
      total += moved;
      if (moved < BATCH) {
        break;
      }
    }
    if (failing.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "job_relay_recovered");
    }
    return total;
  }

  /** {@link #relay()} for the poll and the nudges: a failure is logged once, never thrown. */
  public int relayQuietly() {
    try {
      return relay();
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            () ->
                "job_relay_failed jobs stay in the outbox until the engine is back: "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage());
      }
      return 0;
    }
  }

  public long pending() {
    return outbox.pendingCount();
  }

  private int relayBatch() {
    List<OutboxJob> jobs = outbox.lockPending(BATCH);
    if (jobs.isEmpty()) {
      return 0;
    }
    broker.submit(jobs);
    outbox.remove(jobs);
    return jobs.size();
  }
}
