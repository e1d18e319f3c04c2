package dev.worklane.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A job committed to the outbox and not yet handed to the engine.
 *
 * @param id the job id, unique per queue; the engine ignores a second submission of it
 * @param requestId the request that enqueued it, carried into the worker's log lines (may be null)
 * @param enqueuedAt when the use case asked for it; a delay counts from here, not from the relay
 */
public record OutboxJob(String id, JobRequest request, String requestId, Instant enqueuedAt) {
  public OutboxJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
  }
}
