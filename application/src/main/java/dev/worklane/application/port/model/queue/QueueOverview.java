package dev.worklane.application.port.model.queue;

import java.util.Map;

/** One queue on the dashboard: its name, whether it is paused, and how many jobs per state. */
public record QueueOverview(
    String name, boolean paused, int concurrency, Map<JobState, Long> counts) {
  public QueueOverview {
    counts = Map.copyOf(counts);
  }
}
