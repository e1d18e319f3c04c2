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

  public static final Duration DEFAULT_COMPLETED_RETENTION = Duration.ofHours(24);

  /** Zero: failed jobs are kept until someone removes them. */
  public static final Duration DEFAULT_FAILED_RETENTION = Duration.ZERO;

  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  static final Duration DEFAULT_STALLED_CHECK_INTERVAL = Duration.ofSeconds(2);
  static final Duration DEFAULT_LEASE_GRACE = Duration.ofSeconds(10);
  static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
  static final Duration DEFAULT_METRICS_REFRESH = Duration.ofSeconds(5);
  static final Duration DEFAULT_IDLE_POLL = Duration.ofSeconds(1);
  static final int DEFAULT_LOG_LINES_PER_JOB = 1000;

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
    completedRetention = orElse(completedRetention, DEFAULT_COMPLETED_RETENTION);
    failedRetention = failedRetention == null ? DEFAULT_FAILED_RETENTION : failedRetention;
    stalledCheckInterval = positive(stalledCheckInterval, DEFAULT_STALLED_CHECK_INTERVAL);
    leaseGrace = positive(leaseGrace, DEFAULT_LEASE_GRACE);
    shutdownGrace = orElse(shutdownGrace, DEFAULT_SHUTDOWN_GRACE);
    sweepInterval = positive(sweepInterval, DEFAULT_SWEEP_INTERVAL);
    metricsRefresh = positive(metricsRefresh, DEFAULT_METRICS_REFRESH);
    idlePoll = positive(idlePoll, DEFAULT_IDLE_POLL);
    logLinesPerJob = logLinesPerJob < 1 ? DEFAULT_LOG_LINES_PER_JOB : logLinesPerJob;
  }

  public static QueueSettings defaults() {
    return builder().build();
  }

  /** Every setting at its default until named; {@link Builder#build()} checks them. */
  public static Builder builder() {
    return new Builder();
  }

  /** Names each setting, so that callers never pass positional nulls for the defaults. */
  public static final class Builder {
    private boolean workersEnabled = true;
    private Map<String, Integer> concurrency = Map.of();
    private Duration completedRetention = DEFAULT_COMPLETED_RETENTION;
    private Duration failedRetention = DEFAULT_FAILED_RETENTION;
    private Duration stalledCheckInterval = DEFAULT_STALLED_CHECK_INTERVAL;
    private Duration leaseGrace = DEFAULT_LEASE_GRACE;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
    private Duration metricsRefresh = DEFAULT_METRICS_REFRESH;
    private Duration idlePoll = DEFAULT_IDLE_POLL;
    private int logLinesPerJob = DEFAULT_LOG_LINES_PER_JOB;

    private Builder() {}

    public Builder workersEnabled(boolean value) {
      this.workersEnabled = value;
      return this;
    }

    /** Worker counts for some queues; the others keep {@link #DEFAULT_CONCURRENCY}. */
    public Builder concurrency(Map<String, Integer> value) {
      this.concurrency = value;
      return this;
    }

    public Builder completedRetention(Duration value) {
      this.completedRetention = value;
      return this;
    }

    public Builder failedRetention(Duration value) {
      this.failedRetention = value;
      return this;
    }

    public Builder stalledCheckInterval(Duration value) {
      this.stalledCheckInterval = value;
      return this;
    }

    public Builder leaseGrace(Duration value) {
      this.leaseGrace = value;
      return this;
    }

    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = value;
      return this;
    }

    public Builder sweepInterval(Duration value) {
      this.sweepInterval = value;
      return this;
    }

    public Builder metricsRefresh(Duration value) {
      this.metricsRefresh = value;
      return this;
    }

    public Builder idlePoll(Duration value) {
      this.idlePoll = value;
      return this;
    }

    public Builder logLinesPerJob(int value) {
      this.logLinesPerJob = value;
      return this;
    }

    public QueueSettings build() {
      return new QueueSettings(
          workersEnabled,
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
