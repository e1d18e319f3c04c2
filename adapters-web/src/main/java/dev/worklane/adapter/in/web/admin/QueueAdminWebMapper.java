package dev.worklane.adapter.in.web.admin;

import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.JobSummary;
import dev.worklane.application.port.model.queue.QueueOverview;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place where the queue use case's records become the admin JSON API's shapes. */
final class QueueAdminWebMapper {
  private QueueAdminWebMapper() {}

  static QueueResponse toResponse(QueueOverview queue) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JobState state : JobState.values()) {
      counts.put(state.label(), queue.counts().getOrDefault(state, 0L));
    }
    return new QueueResponse(queue.name(), queue.paused(), queue.concurrency(), counts);
  }

  static JobSummaryResponse toResponse(JobSummary job) {
    return new JobSummaryResponse(
        job.id(),
        job.queue(),
        job.type(),
        label(job.state()),
        job.priority(),
        job.attemptsMade(),
        job.maxAttempts(),
        job.progress(),
        job.createdAt(),
        job.processAt(),
        job.finishedAt(),
        job.failedReason());
  }

  static JobDetailsResponse toResponse(JobDetails details) {
    JobSummary job = details.summary();
    return new JobDetailsResponse(
        job.id(),
        job.queue(),
        job.type(),
        label(job.state()),
        job.priority(),
        job.attemptsMade(),
        job.maxAttempts(),
        job.progress(),
        job.createdAt(),
        job.processAt(),
        job.finishedAt(),
        job.failedReason(),
        details.payload(),
        millis(details.timeout()),
        millis(details.backoff()),
        details.requestId(),
        details.logs(),
        details.stacktrace());
  }

  private static String label(JobState state) {
    return state == null ? null : state.label();
  }

  private static long millis(Duration duration) {
    return duration == null ? 0 : duration.toMillis();
  }
}
