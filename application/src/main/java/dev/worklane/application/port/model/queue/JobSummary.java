package dev.worklane.application.port.model.queue;

import java.time.Instant;

/**
 * A job in a list: enough to pick it, without its data or logs.
 *
 * @param attemptsMade attempts started so far (the running one included)
 * @param processAt when a waiting or delayed job becomes runnable (null otherwise)
 * @param finishedAt when it completed or failed for good (null otherwise)
 * @param failedReason the last error message (null when none)
 */
public record JobSummary(
    String id,
    String queue,
    String type,
    JobState state,
    int priority,
    int attemptsMade,
    int maxAttempts,
    int progress,
    Instant createdAt,
    Instant processAt,
    Instant finishedAt,
    String failedReason) {}
