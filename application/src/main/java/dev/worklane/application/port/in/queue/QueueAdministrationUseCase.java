package dev.worklane.application.port.in.queue;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.QueueOverview;
import java.util.List;

/**
 * The queue dashboard's operations. Every method requires {@code queue:admin}; an unknown queue or
 * job answers {@link dev.worklane.domain.common.NotFoundException}.
 */
public interface QueueAdministrationUseCase {

  List<QueueOverview> queues(Actor actor);

  JobList jobs(Actor actor, String queue, JobState state, PageRequest page);

  JobDetails job(Actor actor, String queue, String jobId);

  /** Moves a failed job back to waiting with a fresh set of attempts. */
  void retry(Actor actor, String queue, String jobId);

  /** Retries every failed job of the queue; returns how many. */
  long retryAllFailed(Actor actor, String queue);

  /** Deletes a job that is not active. */
  void remove(Actor actor, String queue, String jobId);

  /** Makes a delayed job runnable now. */
  void promote(Actor actor, String queue, String jobId);

  void pause(Actor actor, String queue);

  void resume(Actor actor, String queue);

  /** Deletes the queue's completed jobs; returns how many. */
  long cleanCompleted(Actor actor, String queue);
}
