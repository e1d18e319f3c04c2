package dev.worklane.adapter.in.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about one job: the summary fields plus its data (secrets redacted by the use case),
 * options, log lines (oldest first) and the stack trace of the last failure.
 */
public record JobDetailsResponse(
    String id,
    String queue,
    String type,
    String state,
    int priority,
    int attemptsMade,
    int maxAttempts,
    int progress,
    Instant createdAt,
    Instant processAt,
    Instant finishedAt,
    String failedReason,
    Map<String, String> data,
    long timeoutMillis,
    long backoffMillis,
    String requestId,
    List<String> logs,
    String stacktrace) {}
