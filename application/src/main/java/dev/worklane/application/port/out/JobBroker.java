package dev.worklane.application.port.out;

import java.util.List;

/** The queue engine's intake (Redis, db 2): where the relay hands committed jobs. */
public interface JobBroker {

  /**
   * Adds the jobs to their queues atomically per job. Idempotent: a job whose id already exists in
   * its queue (in any state) is left as it is. Throws when the engine cannot be reached, in which
   * case the caller keeps the jobs and tries again.
   */
  void submit(List<OutboxJob> jobs);
}
