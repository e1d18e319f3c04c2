package dev.worklane.bootstrap.config;

import java.time.Duration;

/**
 * One recovery loop of a feature (a relay, a purge), run by {@link PeriodicTasks}.
 *
 * @param name the {@code task=} of the log lines when it fails and recovers
 * @param interval the delay between the end of one run and the start of the next
 */
public record PeriodicTask(String name, Duration interval, Runnable work) {
  public PeriodicTask {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(name + ": the interval must be positive");
    }
  }
}
