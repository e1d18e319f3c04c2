package dev.worklane.application.port.out;

import java.time.Duration;

/**
 * How the engine runs one job. The defaults are the seed's: 3 attempts in total, retry delays of
 * {@code backoff × 3^(n−1)} (5 s, 15 s, 45 s …), 30 s per attempt, no delay, priority 0.
 *
 * @param attempts total tries, at least 1
 * @param backoff the delay before the first retry; retry {@code n} waits {@code backoff × 3^(n−1)}
 * @param timeout the longest one attempt may run; a timed-out attempt fails and is retried
 * @param delay how long after the enqueue the job becomes runnable
 * @param priority lower runs first, as in BullMQ: 0 (the default) before 1, 1 before 2 …; at most
 *     {@link #MAX_PRIORITY}
 * @param idempotencyKey when set, the job's id: enqueueing the same key again while the job exists
 *     gives the same job, not a second one
 */
public record JobOptions(
    int attempts,
    Duration backoff,
    Duration timeout,
    Duration delay,
    int priority,
    String idempotencyKey) {

  public static final int MAX_PRIORITY = 2_097_152;
  public static final int DEFAULT_ATTEMPTS = 3;
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public JobOptions {
    if (attempts < 1 || attempts > 100) {
      throw new IllegalArgumentException("attempts must be between 1 and 100");
    }
    requireNonNegative(backoff, "backoff");
    requireNonNegative(delay, "delay");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority must be between 0 and " + MAX_PRIORITY);
    }
    if (idempotencyKey != null
        && (idempotencyKey.isBlank()
            || idempotencyKey.length() > 200
            || idempotencyKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      throw new IllegalArgumentException(
          "idempotencyKey must be 1-200 characters without control characters");
    }
  }

  public static JobOptions defaults() {
    return new JobOptions(
        DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_TIMEOUT, Duration.ZERO, 0, null);
  }

  public JobOptions withAttempts(int value) {
    return new JobOptions(value, backoff, timeout, delay, priority, idempotencyKey);
  }

  public JobOptions withBackoff(Duration value) {
    return new JobOptions(attempts, value, timeout, delay, priority, idempotencyKey);
  }

  public JobOptions withTimeout(Duration value) {
    return new JobOptions(attempts, backoff, value, delay, priority, idempotencyKey);
  }

  public JobOptions withDelay(Duration value) {
    return new JobOptions(attempts, backoff, timeout, value, priority, idempotencyKey);
  }

  public JobOptions withPriority(int value) {
    return new JobOptions(attempts, backoff, timeout, delay, value, idempotencyKey);
  }

  public JobOptions withIdempotencyKey(String value) {
    return new JobOptions(attempts, backoff, timeout, delay, priority, value);
  }

  /** The wait before retry {@code n} (1-based): {@code backoff × 3^(n−1)}, capped at one day. */
  public Duration retryDelay(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is 1-based");
    }
    long millis = backoff.toMillis();
    for (int i = 1; i < retry && millis < Duration.ofDays(1).toMillis(); i++) {
      millis *= 3;
    }
    return Duration.ofMillis(Math.min(millis, Duration.ofDays(1).toMillis()));
  }

  private static void requireNonNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive");
    }
  }
}
