package dev.worklane.application.port.model.queue;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one job for the dashboard's detail view.
 *
 * @param payload the job data; secret entries are already redacted by the use case
 * @param logs the job's log lines, oldest first
 * @param stacktrace the stack trace of the last failure (null when none)
 * @param requestId the request that enqueued it (null when unknown)
 */
public record JobDetails(
    JobSummary summary,
    Map<String, String> payload,
    Duration timeout,
    Duration backoff,
    String requestId,
    List<String> logs,
    String stacktrace) {
  public JobDetails {
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload)); // keeps the key order
    logs = List.copyOf(logs);
  }
}
