package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Script;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Overview;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Stalled;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.out.JobRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The engine's background work on this instance: one {@link QueueWorker} per queue (unless the
 * instance is API-only), and on every instance the maintenance — stalled-job recovery, the sweeper
 * that deletes completed jobs after their retention (eagerly, on a schedule), and the snapshot
 * behind the per-state gauges.
 *
 * <p>Stopping is graceful: no more jobs are taken, running ones get {@code shutdownGrace} to
 * finish, and the leases of those still running are handed back (their jobs wait again at once, the
 * attempt not counted) for another instance to take.
 */
public final class JobWorkers implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
  private static final int MAINTENANCE_BATCH = 1000;

  /** After the grace, how long stopping may take to report the last results to Redis. */
  static final Duration FLUSH_BOUND = Duration.ofSeconds(5);

  /** How late a timeout may fire: attempts are checked against their deadline this often. */
  static final long TIMEOUT_SCAN_MILLIS = 20;

  private final JobHandlers handlers;
  private final QueueSettings settings;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final QueueScripts scripts;
  private final Map<String, QueueMetrics> metrics = new LinkedHashMap<>();
  private final List<QueueWorker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private ScheduledExecutorService maintenance;
  private ScheduledThreadPoolExecutor timers;
  private ExecutorService executor;
  private volatile boolean running;

  public JobWorkers(
      QueueScripts scripts,
      JobHandlers handlers,
      QueueSettings settings,
      CircuitBreaker breaker,
      MeterRegistry meters,
      Clock clock) {
    this.handlers = handlers;
    this.settings = settings;
    this.breaker = breaker;
    this.clock = clock;
    this.scripts = scripts;
    for (String queue : JobRequest.QUEUES) {
      metrics.put(queue, new QueueMetrics(meters, queue));
    }
    if (settings.workersEnabled()) {
      createWorkers();
    }
  }

  /** Built when the bean is, so starting only starts: no I/O here, threads come on first use. */
  private void createWorkers() {
    executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("worklane-job-", 0).factory());
    timers =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("worklane-job-timeouts").daemon().factory());
    timers.setRemoveOnCancelPolicy(true);
    for (String queue : JobRequest.QUEUES) {
      workers.add(
          new QueueWorker(
              queue,
              scripts,
              handlers,
              settings,
              breaker,
              clock,
              metrics.get(queue),
              executor,
              timers));
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    maintenance =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("worklane-queue-maintenance").daemon().factory());
    long stalledEvery = settings.stalledCheckInterval().toMillis();
    long sweepEvery = settings.sweepInterval().toMillis();
    // The first gauge snapshot within a second, the rest after one interval: a starting instance
    // takes jobs first.
    maintenance.scheduleWithFixedDelay(
        this::recoverStalled, stalledEvery, stalledEvery, TimeUnit.MILLISECONDS);
    maintenance.scheduleWithFixedDelay(this::sweep, sweepEvery, sweepEvery, TimeUnit.MILLISECONDS);
    long gaugesEvery = settings.metricsRefresh().toMillis();
    maintenance.scheduleWithFixedDelay(
        this::refreshGauges, Math.min(gaugesEvery, 1000), gaugesEvery, TimeUnit.MILLISECONDS);
    if (settings.workersEnabled()) {
      try {
        scripts.preload(Script.FINISH_AND_TAKE); // the one script loaded asynchronously otherwise
      } catch (RuntimeException e) {
        breaker.recordFailure("queue.load", e); // loaded on first use once Redis answers
      }
      if (workers.isEmpty()) {
        createWorkers(); // after a stop
      }
      timers.scheduleWithFixedDelay(
          () -> workers.forEach(QueueWorker::expireOverdue),
          TIMEOUT_SCAN_MILLIS,
          TIMEOUT_SCAN_MILLIS,
          TimeUnit.MILLISECONDS);
      workers.forEach(QueueWorker::start);
    }
    running = true;
    LOG.info(
        "job_workers_started workers={} concurrency={}",
        settings.workersEnabled(),
        settings.workersEnabled() ? settings.concurrency() : Map.of());
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    workers.forEach(QueueWorker::stopTaking);
    long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
    while (System.nanoTime() < deadline && workers.stream().anyMatch(w -> w.inFlight() > 0)) {
      sleep(10);
    }
    int handedBack = workers.stream().mapToInt(QueueWorker::inFlight).sum();
    workers.forEach(QueueWorker::handBackLeases);
    long flushDeadline = System.nanoTime() + FLUSH_BOUND.toNanos();
    for (QueueWorker worker : workers) {
      try {
        worker.awaitStopped(Duration.ofNanos(Math.max(0, flushDeadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
    if (executor != null) {
      executor.shutdownNow();
      timers.shutdownNow();
    }
    maintenance.shutdownNow();
    LOG.info("job_workers_stopped handedBack={}", handedBack);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Leases that expired (worker lost): the attempt counts as failed, retried or failed. */
  void recoverStalled() {
    for (QueueWorker worker : workers) {
      worker.ensureSubscribed();
      worker.kick(); // a safety net: a lost wake-up costs at most one check interval
    }
    forEachQueue(
        "stalled",
        queue -> {
          Stalled recovered;
          do {
            recovered = scripts.stalled(queue, clock.millis(), MAINTENANCE_BATCH);
            if (recovered.handled() > 0) {
              LOG.warn(
                  "jobs_stalled queue={} retried={} failed={} reason=\"lease expired\"",
                  queue,
                  recovered.retried(),
                  recovered.failed());
            }
            metrics.get(queue).retried.increment(recovered.retried());
            metrics.get(queue).failed.increment(recovered.failed());
          } while (recovered.handled() == MAINTENANCE_BATCH);
        });
  }

  /** Completed jobs past their retention (SPEC §6.2: 24 h), failed ones when a retention is set. */
  void sweep() {
    forEachQueue(
        "sweep",
        queue -> {
          long now = clock.millis();
          if (settings.completedRetention().isPositive()) {
            sweep(queue, JobState.COMPLETED, now - settings.completedRetention().toMillis(), now);
          }
          if (!settings.keepsFailedForever()) {
            sweep(queue, JobState.FAILED, now - settings.failedRetention().toMillis(), now);
          }
        });
  }

  private void sweep(String queue, JobState state, long cutoff, long now) {
    while (scripts.sweep(queue, now, state, cutoff, MAINTENANCE_BATCH) == MAINTENANCE_BATCH) {
      // a full batch: there may be more
    }
  }

  void refreshGauges() {
    forEachQueue(
        "gauges",
        queue -> {
          Overview counts = scripts.overview(queue, clock.millis());
          metrics
              .get(queue)
              .snapshot(counts.waiting(), counts.active(), counts.delayed(), counts.failed());
        });
  }

  private void forEachQueue(String operation, java.util.function.Consumer<String> action) {
    if (!breaker.allows()) {
      return;
    }
    try {
      for (String queue : JobRequest.QUEUES) {
        action.accept(queue);
      }
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      breaker.recordFailure("queue." + operation, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
