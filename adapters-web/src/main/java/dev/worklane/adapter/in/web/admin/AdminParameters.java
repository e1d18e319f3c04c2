package dev.worklane.adapter.in.web.admin;

import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.domain.common.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Checks the admin API's path and query values before any use case sees them, so garbage is a 400
 * naming the parameter, never a 500 or a lookup of a nonsense key in Redis.
 */
final class AdminParameters {
  static final String STATE = "state";
  static final String JOB_ID = "jobId";

  /** As {@code JobOptions.idempotencyKey} allows: a job id is at most this long. */
  static final int MAX_JOB_ID_LENGTH = 200;

  private static final String STATES =
      Arrays.stream(JobState.values()).map(JobState::label).collect(Collectors.joining(", "));

  private AdminParameters() {}

  static JobState state(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(STATE, "state is required: one of " + STATES);
    }
    try {
      return JobState.parse(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(STATE, "state must be one of " + STATES);
    }
  }

  /**
   * Job ids are random ids or caller-chosen idempotency keys (1-200 characters, no control
   * characters): anything else cannot name a job.
   */
  static String jobId(String value) {
    if (value == null
        || value.isBlank()
        || value.length() > MAX_JOB_ID_LENGTH
        || !value.codePoints().allMatch(AdminParameters::allowedInJobId)) {
      throw new InvalidInputException(
          JOB_ID,
          "jobId must be 1-" + MAX_JOB_ID_LENGTH + " printable characters (no control characters)");
    }
    return value;
  }

  private static boolean allowedInJobId(int codePoint) {
    int type = Character.getType(codePoint);
    return !Character.isISOControl(codePoint)
        && type != Character.SURROGATE
        && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }
}
