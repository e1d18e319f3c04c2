package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Script;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.job.JobHandlers;
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
import org.redisson.api.RedissonClient;
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

  private final RedissonClient redis;
  private final JobHandlers handlers;
  private final QueueSettings settings;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final QueueScripts scripts;
  private final Map<String, QueueKeys> keys = new LinkedHashMap<>();
  private final Map<String, QueueMetrics> metrics = new LinkedHashMap<>();
  private final List<QueueWorker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private ScheduledExecutorService maintenance;
  private ScheduledThreadPoolExecutor timers;
  private ExecutorService executor;
  private volatile boolean running;

  public JobWorkers(
      RedissonClient redis,
      String keyPrefix,
      JobHandlers handlers,
      QueueSettings settings,
      CircuitBreaker breaker,
      MeterRegistry meters,
      Clock clock) {
    this.redis = redis;
    this.handlers = handlers;
    this.settings = settings;
    this.breaker = breaker;
    this.clock = clock;
    this.scripts = new QueueScripts(redis);
    for (String queue : JobRequest.QUEUES) {
      keys.put(queue, QueueKeys.of(keyPrefix, queue));
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
              keys.get(queue),
              scripts,
              redis,
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
          long handled;
          do {
            List<Object> r =
                scripts.run(
                    Script.STALLED,
                    keys.get(queue),
                    clock.millis(),
                    Integer.toString(MAINTENANCE_BATCH));
            long retried = RedisQueueControlAdapter.asLong(r.get(0));
            long failed = RedisQueueControlAdapter.asLong(r.get(1));
            if (retried + failed > 0) {
              LOG.warn(
                  "jobs_stalled queue={} retried={} failed={} reason=\"lease expired\"",
                  queue,
                  retried,
                  failed);
            }
            metrics.get(queue).retried.increment(retried);
            metrics.get(queue).failed.increment(failed);
            handled = retried + failed;
          } while (handled == MAINTENANCE_BATCH);
        });
  }

  /** Completed jobs past their retention (SPEC §6.2: 24 h), failed ones when a retention is set. */
  void sweep() {
    forEachQueue(
        "sweep",
        queue -> {
          long now = clock.millis();
          if (settings.completedRetention().isPositive()) {
            sweep(queue, "completed", now - settings.completedRetention().toMillis(), now);
          }
          if (!settings.keepsFailedForever()) {
            sweep(queue, "failed", now - settings.failedRetention().toMillis(), now);
          }
        });
  }

  private void sweep(String queue, String state, long cutoff, long now) {
    long removed;
    do {
      List<Object> r =
          scripts.run(
              Script.SWEEP,
              keys.get(queue),
              now,
              state,
              Long.toString(cutoff),
              Integer.toString(MAINTENANCE_BATCH));
      removed = RedisQueueControlAdapter.asLong(r.get(0));
    } while (removed == MAINTENANCE_BATCH);
  }

  void refreshGauges() {
    forEachQueue(
        "gauges",
        queue -> {
          List<Object> r = scripts.run(Script.OVERVIEW, keys.get(queue), clock.millis());
          metrics
              .get(queue)
              .snapshot(
                  RedisQueueControlAdapter.asLong(r.get(0)),
                  RedisQueueControlAdapter.asLong(r.get(2)),
                  RedisQueueControlAdapter.asLong(r.get(1)),
                  RedisQueueControlAdapter.asLong(r.get(4)));
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
