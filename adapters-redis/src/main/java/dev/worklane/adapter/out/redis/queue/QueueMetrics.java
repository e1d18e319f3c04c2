package dev.worklane.adapter.out.redis.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One queue's meters (tag {@code queue}). The per-state gauges read a snapshot that the maintenance
 * task refreshes, so a scrape never waits on Redis.
 */
final class QueueMetrics {
  static final String[] GAUGE_STATES = {"waiting", "active", "delayed", "failed"};

  final Counter completed;
  final Counter failed;
  final Counter retried;
  final Timer duration;
  final Timer wait;
  private final AtomicLongArray counts = new AtomicLongArray(GAUGE_STATES.length);

  QueueMetrics(MeterRegistry registry, String queue) {
    completed =
        Counter.builder("worklane.queue.jobs.completed")
            .description("Jobs that completed")
            .tag("queue", queue)
            .register(registry);
    failed =
        Counter.builder("worklane.queue.jobs.failed")
            .description("Jobs that failed for good (attempts used up or a permanent failure)")
            .tag("queue", queue)
            .register(registry);
    retried =
        Counter.builder("worklane.queue.jobs.retried")
            .description("Failed attempts scheduled for a retry")
            .tag("queue", queue)
            .register(registry);
    duration =
        Timer.builder("worklane.queue.job.duration")
            .description("Time a handler ran, per attempt")
            .tag("queue", queue)
            .publishPercentileHistogram()
            .register(registry);
    wait =
        Timer.builder("worklane.queue.job.wait")
            .description("Time from runnable to taken by a worker")
            .tag("queue", queue)
            .register(registry);
    for (int i = 0; i < GAUGE_STATES.length; i++) {
      int index = i;
      Gauge.builder("worklane.queue.jobs", counts, c -> c.get(index))
          .description("Jobs per state (snapshot refreshed in the background)")
          .tags("queue", queue, "state", GAUGE_STATES[i])
          .strongReference(true)
          .register(registry);
    }
  }

  void snapshot(long waiting, long active, long delayed, long failedCount) {
    counts.set(0, waiting);
    counts.set(1, active);
    counts.set(2, delayed);
    counts.set(3, failedCount);
  }

  void finished(FinishCode code) {
    switch (code) {
      case COMPLETED -> completed.increment();
      case RETRIED -> retried.increment();
      case FAILED -> failed.increment();
      case IGNORED, HANDED_BACK -> {
        // a stale worker's report, or a lease given back: no attempt ended
      }
    }
  }

  void waited(long millis) {
    if (millis >= 0) {
      wait.record(millis, TimeUnit.MILLISECONDS);
    }
  }
}
