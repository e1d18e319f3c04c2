package dev.worklane.application.job;

import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportMetrics;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFailure;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.report.ReportStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs {@code report.generate}: RUNNING, the project's tasks streamed as CSV ({@link TaskCsv}) into
 * the object store in constant memory, then READY with the object, row count and size — or FAILED
 * with a reason the requester may read. Either way the requester gets an email through the {@code
 * email} queue, committed with the final state.
 *
 * <p>Failures: a project that no longer exists fails the report at once, for good; anything else (a
 * storage or database outage, a timed-out attempt) is retried with the queue's backoff, and only
 * the last attempt marks the report FAILED. Idempotent: the object key comes from the report id, so
 * a rerun overwrites the same object, and a READY report is left as it is.
 */
public final class GenerateReportHandler implements JobHandler {
  private final ReportRepository reports;
  private final ProjectRepository projects;
  private final TaskRepository tasks;
  private final ProfileRepository profiles;
  private final UserRepository users;
  private final ObjectStorage storage;
  private final JobQueue queue;
  private final Transactions transactions;
  private final Runnable relayNudge;
  private final ReportMetrics metrics;
  private final Duration retention;
  private final Clock clock;

  /**
   * @param queue where the result email is enqueued, in the transaction of the final state
   * @param relayNudge run after that commit so the email leaves at once (bootstrap passes the job
   *     relay's nudge; the relay's poll would take it within a second anyway)
   * @param retention how long a finished report is kept
   */
  public GenerateReportHandler(
      ReportRepository reports,
      ProjectRepository projects,
      TaskRepository tasks,
      ProfileRepository profiles,
      UserRepository users,
      ObjectStorage storage,
      JobQueue queue,
      Transactions transactions,
      Runnable relayNudge,
      ReportMetrics metrics,
      Duration retention,
      Clock clock) {
    this.reports = reports;
    this.projects = projects;
    this.tasks = tasks;
    this.profiles = profiles;
    this.users = users;
    this.storage = storage;
    this.queue = queue;
    this.transactions = transactions;
    this.relayNudge = relayNudge;
    this.metrics = metrics;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public String type() {
    return ReportJobs.TYPE;
  }

  @Override
  public void handle(Job job) {
    ReportId id = reportId(job);
    Optional<Report> found = reports.findById(id);
    if (found.isEmpty()) {
      job.log("the report no longer exists (expired or removed): nothing to do");
      return;
    }
    Report report = found.get();
    if (report.isReady()) {
      job.log("the report is ready already");
      job.progress(100);
      return;
    }
    Instant started = clock.instant();
    Optional<Project> project = projects.findById(report.projectId());
    if (project.isEmpty()) {
      finishFailed(job, report, ReportFailure.PROJECT_GONE, started, null);
      throw new PermanentJobFailure("the report's project no longer exists");
    }
    Report running = report.start();
    if (!reports.update(running)) {
      job.log("the report was removed: nothing to do");
      return;
    }
    try {
      generate(job, new Run(running), project.get(), started);
    } catch (RuntimeException e) {
      if (job.attempt() < job.maxAttempts()) {
        job.log("attempt " + job.attempt() + " failed (" + e.getClass().getSimpleName() + ")");
        throw e;
      }
      try {
        finishFailed(job, running, failureOf(e, job), started, project.get().key());
      } catch (RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  private void generate(Job job, Run run, Project project, Instant started) {
    Report report = run.report;
    TaskFilter filter = new TaskFilter(report.filters().status(), report.filters().assigneeId());
    long total = tasks.count(project.id(), filter);
    job.log("writing " + total + " tasks");
    String key = Report.keyFor(report.id());
    TaskCsv csv =
        new TaskCsv(
            tasks,
            profiles,
            project.id(),
            project.key(),
            filter,
            rows -> run.progress(job, rows, total),
            job::cancelled);
    StoredObject stored;
    try (csv) {
      stored = storage.put(key, csv, -1, ReportJobs.CONTENT_TYPE, ObjectVisibility.PRIVATE);
    } catch (RuntimeException e) {
      // The store may wrap what failed our stream (the database, a cancellation) as its own.
      throw csv.failure().orElse(e);
    }
    Instant now = clock.instant();
    Report ready = run.report.complete(key, csv.rows(), stored.sizeBytes(), now, retention);
    if (!finish(ready, readyEmail(ready, project))) {
      storage.delete(key);
      job.log("the report was removed while it was written: its object is deleted");
      return;
    }
    metrics.generated(ReportStatus.READY, Duration.between(started, now), csv.rows());
    job.progress(100);
    job.log("ready: " + csv.rows() + " rows, " + stored.sizeBytes() + " bytes");
  }

  /** {@code key} is null when the project is gone. */
  private void finishFailed(
      Job job, Report report, ReportFailure failure, Instant started, ProjectKey key) {
    Instant now = clock.instant();
    Report failed = report.fail(failure, now, retention);
    Optional<JobRequest> email =
        users
            .findById(report.requestedBy())
            .map(user -> EmailJobs.reportFailed(user.email().value(), report.id(), key, failure));
    finish(failed, email);
    metrics.generated(ReportStatus.FAILED, Duration.between(started, now), 0);
    job.log("failed: " + failure.name());
  }

  /** The final state and its email in one transaction; false when the row is gone. */
  private boolean finish(Report report, Optional<JobRequest> email) {
    boolean written =
        transactions.inTransaction(
            () -> {
              boolean stored = reports.update(report);
              if (stored) {
                email.ifPresent(queue::enqueue);
              }
              return stored;
            });
    if (written && email.isPresent()) {
      relayNudge.run();
    }
    return written;
  }

  private Optional<JobRequest> readyEmail(Report ready, Project project) {
    return users
        .findById(ready.requestedBy())
        .map(
            user ->
                EmailJobs.reportReady(
                    user.email().value(), ready.id(), project.key(), ready.expiresAt()));
  }

  /**
   * Only the last attempt gets here. A cancelled attempt timed out (or the worker was stopping:
   * then a rerun after the restart moves the report on from FAILED).
   */
  private static ReportFailure failureOf(RuntimeException e, Job job) {
    if (job.cancelled()) {
      return ReportFailure.TIMED_OUT;
    }
    if (e instanceof StorageUnavailableException) {
      return ReportFailure.STORAGE_UNAVAILABLE;
    }
    return ReportFailure.INTERNAL_ERROR;
  }

  private static ReportId reportId(Job job) {
    String value = job.payload().get(ReportJobs.REPORT_ID);
    try {
      return new ReportId(UUID.fromString(value));
    } catch (RuntimeException e) {
      throw new PermanentJobFailure("report job without a valid reportId");
    }
  }

  /** The report as this attempt moves it on, and the last progress it reported. */
  private final class Run {
    private Report report;

    Run(Report report) {
      this.report = report;
    }

    /**
     * At most one write per percent. Capped at 99 until READY: tasks created meanwhile can make the
     * walk longer than the count taken at its start.
     */
    void progress(Job job, long rows, long total) {
      int percent = total == 0 ? 99 : (int) Math.min(99, rows * 100 / total);
      if (percent > report.progress()) {
        report = report.progressTo(percent);
        reports.update(report);
        job.progress(percent);
      }
    }
  }
}
