package dev.worklane.application.job;

import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.domain.attachment.AttachmentId;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code attachment.process} job of one upload, on the {@code default} queue. Keyed by the
 * attachment, so enqueueing it twice gives one job; an attempt may read a large object from a
 * remote store, hence the long timeout.
 */
public final class AttachmentJobs {
  public static final String PROCESS = "attachment.process";
  static final String ATTACHMENT_ID = "attachmentId";

  static final Duration TIMEOUT = Duration.ofMinutes(10);
  static final int ATTEMPTS = 5;

  private AttachmentJobs() {}

  public static JobRequest process(AttachmentId id) {
    return JobRequest.of(
            JobRequest.DEFAULT_QUEUE, PROCESS, Map.of(ATTACHMENT_ID, id.value().toString()))
        .with(
            JobOptions.defaults()
                .withAttempts(ATTEMPTS)
                .withTimeout(TIMEOUT)
                .withIdempotencyKey(PROCESS + ":" + id));
  }
}
