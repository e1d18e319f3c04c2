package dev.worklane.application.service.job;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.queue.QueueAdministrationUseCase;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.QueueOverview;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.QueueControl;
import dev.worklane.application.port.out.QueueControl.Outcome;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Permission;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The queue dashboard: {@code queue:admin} only, secrets redacted, every action logged. */
public final class QueueAdministrationService implements QueueAdministrationUseCase {
  private static final System.Logger LOG =
      System.getLogger(QueueAdministrationService.class.getName());
  static final String REDACTED = "[redacted]";

  private final QueueControl control;

  public QueueAdministrationService(QueueControl control) {
    this.control = control;
  }

  @Override
  public List<QueueOverview> queues(Actor actor) {
    actor.require(Permission.QUEUE_ADMIN);
    return control.overview();
  }

  @Override
  public JobList jobs(Actor actor, String queue, JobState state, PageRequest page) {
    actor.require(Permission.QUEUE_ADMIN);
    return control.jobs(known(queue), state, page);
  }

  @Override
  public JobDetails job(Actor actor, String queue, String jobId) {
    actor.require(Permission.QUEUE_ADMIN);
    JobDetails job =
        control.job(known(queue), jobId).orElseThrow(() -> new NotFoundException("Job"));
    return new JobDetails(
        job.summary(),
        redacted(job.payload()),
        job.timeout(),
        job.backoff(),
        job.requestId(),
        job.logs(),
        job.stacktrace());
  }

  @Override
  public void retry(Actor actor, String queue, String jobId) {
    actor.require(Permission.QUEUE_ADMIN);
    act(actor, "retry", queue, jobId, control.retry(known(queue), jobId), "failed");
  }

  @Override
  public long retryAllFailed(Actor actor, String queue) {
    actor.require(Permission.QUEUE_ADMIN);
    long count = control.retryAllFailed(known(queue));
    audit(actor, "retry_all_failed", queue, "count=" + count);
    return count;
  }

  @Override
  public void remove(Actor actor, String queue, String jobId) {
    actor.require(Permission.QUEUE_ADMIN);
    act(actor, "remove", queue, jobId, control.remove(known(queue), jobId), "not active");
  }

  @Override
  public void promote(Actor actor, String queue, String jobId) {
    actor.require(Permission.QUEUE_ADMIN);
    act(actor, "promote", queue, jobId, control.promote(known(queue), jobId), "delayed");
  }

  @Override
  public void pause(Actor actor, String queue) {
    actor.require(Permission.QUEUE_ADMIN);
    control.pause(known(queue));
    audit(actor, "pause", queue, "");
  }

  @Override
  public void resume(Actor actor, String queue) {
    actor.require(Permission.QUEUE_ADMIN);
    control.resume(known(queue));
    audit(actor, "resume", queue, "");
  }

  @Override
  public long cleanCompleted(Actor actor, String queue) {
    actor.require(Permission.QUEUE_ADMIN);
    long count = control.cleanCompleted(known(queue));
    audit(actor, "clean_completed", queue, "count=" + count);
    return count;
  }

  /** The payload as shown to people: values of secret keys replaced. */
  static Map<String, String> redacted(Map<String, String> payload) {
    Map<String, String> shown = new LinkedHashMap<>();
    payload.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> shown.put(e.getKey(), JobRequest.isSecret(e.getKey()) ? REDACTED : e.getValue()));
    return shown;
  }

  private void act(
      Actor actor, String action, String queue, String jobId, Outcome outcome, String required) {
    switch (outcome) {
      case DONE -> audit(actor, action, queue, "jobId=" + jobId);
      case NOT_FOUND -> throw new NotFoundException("Job");
      case WRONG_STATE ->
          throw new ConflictException(
              "JOB_STATE_CONFLICT", "Only a " + required + " job can take this action");
    }
  }

  private static String known(String queue) {
    if (queue == null || !JobRequest.QUEUES.contains(queue)) {
      throw new NotFoundException("Queue");
    }
    return queue;
  }

  private static void audit(Actor actor, String action, String queue, String detail) {
    LOG.log(
        Level.INFO,
        () ->
            "queue_admin action="
                + action
                + " queue="
                + queue
                + " "
                + detail
                + " by="
                + actor.userId());
  }
}
