package dev.worklane.application.port.model.queue;

import java.util.Locale;

/** Where a job is in its life; {@code paused} is a queue flag, not a job state. */
public enum JobState {
  WAITING,
  DELAYED,
  ACTIVE,
  COMPLETED,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code waiting}, {@code delayed} …; case-insensitive. */
  public static JobState parse(String value) {
    for (JobState state : values()) {
      if (state.label().equalsIgnoreCase(value)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown job state: " + value);
  }
}
