package dev.worklane.adapter.in.web.admin;

import java.time.Instant;

/** A job in a list: enough to pick it, without its data or logs. */
public record JobSummaryResponse(
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
    String failedReason) {}
