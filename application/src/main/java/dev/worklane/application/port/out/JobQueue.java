package dev.worklane.application.port.out;

/**
 * Asks for a job. The implementation writes it to the transactional outbox inside the caller's
 * transaction: a rolled-back use case enqueues nothing, and nothing committed is lost when Redis is
 * down. Use cases go through {@code application.service.job.Jobs}, which also nudges the relay
 * after commit.
 */
public interface JobQueue {

  /**
   * Records the job in the caller's transaction (or alone, outside one).
   *
   * @return the job id: the idempotency key when one is set (a second enqueue with the same key is
   *     a no-op and returns the same id), otherwise a new random id
   */
  String enqueue(JobRequest request);
}
