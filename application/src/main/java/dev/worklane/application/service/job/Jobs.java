package dev.worklane.application.service.job;

import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.Transactions;

/**
 * How use cases ask for jobs: the job goes to the outbox inside the caller's transaction, and once
 * that commits the relay is nudged to move it to the engine at once (the relay's poll is only the
 * safety net for crashes and Redis outages). A rolled-back use case enqueues nothing.
 */
public final class Jobs {
  private final JobQueue queue;
  private final Transactions transactions;
  private final JobRelay relay;

  public Jobs(JobQueue queue, Transactions transactions, JobRelay relay) {
    this.queue = queue;
    this.transactions = transactions;
    this.relay = relay;
  }

  /** Records the job and schedules its relay after commit; returns the job id. */
  public String enqueue(JobRequest request) {
    String id = queue.enqueue(request);
    transactions.afterCommit(relay::nudge);
    return id;
  }
}
