package dev.worklane.application.port.out;

import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.QueueOverview;
import java.util.List;
import java.util.Optional;

/**
 * The engine's administrative side, behind the dashboard. Queue names are checked by the caller
 * (one of {@link JobRequest#QUEUES}). Every change is one atomic transition in the engine.
 */
public interface QueueControl {

  List<QueueOverview> overview();

  JobList jobs(String queue, JobState state, PageRequest page);

  /** The job with its data unredacted; the use case redacts secrets. */
  Optional<JobDetails> job(String queue, String jobId);

  /** A failed job back to waiting, its attempts reset. */
  Outcome retry(String queue, String jobId);

  long retryAllFailed(String queue);

  /** Deletes a job in any state but active. */
  Outcome remove(String queue, String jobId);

  /** A delayed job to waiting, now. */
  Outcome promote(String queue, String jobId);

  void pause(String queue);

  void resume(String queue);

  long cleanCompleted(String queue);

  /** What an action on one job did. */
  enum Outcome {
    DONE,
    /** No such job in the queue. */
    NOT_FOUND,
    /** The job exists but its state does not allow the action (e.g. retrying an active job). */
    WRONG_STATE
  }
}
