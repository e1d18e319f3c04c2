package dev.worklane.adapter.out.redis.queue;

import dev.worklane.application.port.out.JobRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How this instance runs the job engine (SPEC §6.2).
 *
 * @param workersEnabled false: this instance only enqueues and administers (API-only); stalled
 *     checks, the sweeper and the metric snapshots still run
 * @param concurrency jobs run at once per queue on this instance (missing queues: the defaults)
 * @param completedRetention how long completed jobs are kept (24 h); zero deletes them at once
 * @param failedRetention how long failed jobs are kept; null or zero keeps them for ever
 * @param stalledCheckInterval how often active jobs with an expired lease are recovered
 * @param leaseGrace added to the job's timeout to make its lease: a live worker always finishes or
 *     times out an attempt before its lease expires, so no heartbeat is needed
 * @param shutdownGrace how long a stopping instance lets running jobs finish before it hands their
 *     leases back
 * @param sweepInterval how often finished jobs past their retention are deleted
 * @param metricsRefresh how often the per-state gauges are read from Redis
 * @param idlePoll the longest an idle worker waits without asking Redis (a missed wake-up costs at
 *     most this)
 * @param logLinesPerJob the most log lines kept per job (the oldest are dropped)
 */
public record QueueSettings(
    boolean workersEnabled,
    Map<String, Integer> concurrency,
    Duration completedRetention,
    Duration failedRetention,
    Duration stalledCheckInterval,
    Duration leaseGrace,
    Duration shutdownGrace,
    Duration sweepInterval,
    Duration metricsRefresh,
    Duration idlePoll,
    int logLinesPerJob) {

  public static final Map<String, Integer> DEFAULT_CONCURRENCY =
      Map.of(
          JobRequest.DEFAULT_QUEUE,
          5,
          JobRequest.EMAIL_QUEUE,
          5,
          JobRequest.HIGH_PRIORITY_QUEUE,
          10);

  public QueueSettings {
    Map<String, Integer> merged = new HashMap<>(DEFAULT_CONCURRENCY);
    if (concurrency != null) {
      concurrency.forEach(
          (queue, value) -> {
            if (!JobRequest.QUEUES.contains(queue)) {
              throw new IllegalArgumentException("unknown queue: " + queue);
            }
            if (value == null || value < 1 || value > 1000) {
              throw new IllegalArgumentException("concurrency must be between 1 and 1000");
            }
            merged.put(queue, value);
          });
    }
    concurrency = Map.copyOf(merged);
    completedRetention = orElse(completedRetention, Duration.ofHours(24));
    failedRetention = failedRetention == null ? Duration.ZERO : failedRetention;
    stalledCheckInterval = positive(stalledCheckInterval, Duration.ofSeconds(2));
    leaseGrace = positive(leaseGrace, Duration.ofSeconds(10));
    shutdownGrace = orElse(shutdownGrace, Duration.ofSeconds(10));
    sweepInterval = positive(sweepInterval, Duration.ofMinutes(1));
    metricsRefresh = positive(metricsRefresh, Duration.ofSeconds(5));
    idlePoll = positive(idlePoll, Duration.ofSeconds(1));
    logLinesPerJob = logLinesPerJob < 1 ? 1000 : logLinesPerJob;
  }

  public static QueueSettings defaults() {
    return new QueueSettings(true, null, null, null, null, null, null, null, null, null, 0);
  }

  public int concurrencyOf(String queue) {
    return concurrency.get(queue);
  }

  public boolean keepsFailedForever() {
    return failedRetention.isZero();
  }

  public QueueSettings withWorkersEnabled(boolean value) {
    return new QueueSettings(
        value,
        concurrency,
        completedRetention,
        failedRetention,
        stalledCheckInterval,
        leaseGrace,
        shutdownGrace,
        sweepInterval,
        metricsRefresh,
        idlePoll,
        logLinesPerJob);
  }

  private static Duration orElse(Duration value, Duration fallback) {
    if (value != null && value.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    return value == null ? fallback : value;
  }

  private static Duration positive(Duration value, Duration fallback) {
    return value == null || value.isZero() || value.isNegative() ? fallback : value;
  }
}
