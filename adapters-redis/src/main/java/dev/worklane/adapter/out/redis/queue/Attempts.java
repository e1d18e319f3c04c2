package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Finish;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.TakenJob;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.job.PermanentJobFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The attempts one queue runs on this instance, from the job a round trip took to the outcome the
 * next round trip reports ({@link QueueWorker} does the round trips).
 *
 * <p>Handlers run on virtual threads, with {@code jobId} and {@code requestId} in the MDC. Each
 * attempt has a deadline (its timeout), checked every {@value JobWorkers#TIMEOUT_SCAN_MILLIS} ms:
 * past it the attempt is failed and its thread interrupted; its slot is free at once, and whatever
 * the handler still reports is ignored (first outcome wins, and Redis fences by lease token).
 */
final class Attempts {
  private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);
  private static final int MAX_REASON = 1000;
  private static final int MAX_STACK = 64 * 1024;
  private static final int MAX_LOG_LINE = 2000;

  private final String queue;
  private final QueueScripts scripts;
  private final JobHandlers handlers;
  private final QueueSettings settings;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final QueueMetrics metrics;
  private final Executor executor;
  private final Runnable onFinished;

  private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Finish> finished = new ConcurrentLinkedQueue<>();
  private final AtomicInteger finishedCount = new AtomicInteger();

  /** Attempts running on this instance (slots in use). */
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param onFinished called whenever an attempt ended (a slot is free and an outcome waits)
   */
  Attempts(
      String queue,
      QueueScripts scripts,
      JobHandlers handlers,
      QueueSettings settings,
      CircuitBreaker breaker,
      Clock clock,
      QueueMetrics metrics,
      Executor executor,
      Runnable onFinished) {
    this.queue = queue;
    this.scripts = scripts;
    this.handlers = handlers;
    this.settings = settings;
    this.breaker = breaker;
    this.clock = clock;
    this.metrics = metrics;
    this.executor = executor;
    this.onFinished = onFinished;
  }

  String queue() {
    return queue;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Outcomes waiting for a round trip. */
  int pending() {
    return finishedCount.get();
  }

  /** Takes up to {@code max} outcomes for a round trip. */
  List<Finish> drain(int max) {
    List<Finish> batch = new ArrayList<>();
    for (Finish f; batch.size() < max && (f = finished.poll()) != null; ) {
      batch.add(f);
    }
    finishedCount.addAndGet(-batch.size());
    return batch;
  }

  /** The round trip carrying them failed: the next one sends them again (fenced if applied). */
  void requeue(Collection<Finish> batch) {
    finished.addAll(batch);
    finishedCount.addAndGet(batch.size());
  }

  /** Starts the jobs a round trip took; they count as in flight before this returns. */
  void start(List<TakenJob> jobs, long now) {
    inFlight.addAndGet(jobs.size());
    for (TakenJob taken : jobs) {
      metrics.waited(now - taken.runnableSince());
      RunningJob job = new RunningJob(this, taken);
      running.put(job.token(), job);
      executor.execute(() -> run(job));
    }
  }

  private void run(RunningJob job) {
    if (job.isDone()) {
      return; // timed out or handed back before it started
    }
    job.thread = Thread.currentThread();
    MDC.put("jobId", job.id());
    if (!job.requestId().isEmpty()) {
      MDC.put("requestId", job.requestId());
    }
    long start = System.nanoTime();
    try {
      handlers.run(job);
      finish(job, AttemptOutcome.COMPLETED, "", "", false);
    } catch (PermanentJobFailure e) {
      failed(job, AttemptOutcome.FAILED_PERMANENTLY, e);
    } catch (Throwable e) {
      if (!job.isDone()) {
        failed(job, AttemptOutcome.FAILED, e);
      }
      if (e instanceof VirtualMachineError error) {
        throw error;
      }
    } finally {
      metrics.duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      job.thread = null;
      MDC.remove("jobId");
      MDC.remove("requestId");
    }
  }

  private void failed(RunningJob job, AttemptOutcome outcome, Throwable e) {
    String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    if (finish(job, outcome, cap(reason, MAX_REASON), cap(stackTrace(e), MAX_STACK), false)) {
      // The message may quote job data: it goes to the dashboard, the log gets the type only.
      LOG.warn(
          "job_failed queue={} type={} attempt={}/{} permanent={} error={}",
          queue,
          job.type(),
          job.attempt(),
          job.maxAttempts(),
          outcome == AttemptOutcome.FAILED_PERMANENTLY,
          e.getClass().getName());
    }
  }

  /**
   * Fails the attempts past their timeout. One scan every few milliseconds for the whole queue is
   * cheaper than a timer per job (at thousands of jobs a second).
   */
  void expireOverdue() {
    if (running.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (RunningJob job : running.values()) {
      if (now - job.deadlineNanos() >= 0) {
        timedOut(job);
      }
    }
  }

  private void timedOut(RunningJob job) {
    String reason = "timed out after " + human(Duration.ofMillis(job.timeoutMillis()));
    if (finish(job, AttemptOutcome.FAILED, reason, "", true)) {
      LOG.warn(
          "job_timed_out queue={} jobId={} type={} attempt={}/{} timeout={}ms",
          queue,
          job.id(),
          job.type(),
          job.attempt(),
          job.maxAttempts(),
          job.timeoutMillis());
      interrupt(job);
    }
  }

  /**
   * Graceful shutdown: attempts still running give their jobs back to waiting at once, without
   * consuming the attempt, and are interrupted.
   */
  void handBack() {
    for (RunningJob job : running.values()) {
      if (finish(job, AttemptOutcome.HANDED_BACK, "", "", true)) {
        LOG.info("job_handed_back queue={} jobId={} type={}", queue, job.id(), job.type());
        interrupt(job);
      }
    }
  }

  /** Records the attempt's outcome for the next round trip and frees its slot. */
  private boolean finish(
      RunningJob job, AttemptOutcome outcome, String reason, String stack, boolean cancel) {
    if (!job.markDone(cancel)) {
      return false;
    }
    running.remove(job.token());
    finished.add(new Finish(job.id(), job.token(), outcome, reason, stack));
    finishedCount.incrementAndGet();
    inFlight.decrementAndGet();
    onFinished.run();
    return true;
  }

  private static void interrupt(RunningJob job) {
    Thread thread = job.thread;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /**
   * On the handler's thread, when it asks: the reply's thread only dispatches. Unreadable gives an
   * empty payload (logged by type only: the payload may hold secrets).
   */
  Map<String, String> decodePayload(String payloadJson) {
    try {
      return LuaJson.parseStringMap(payloadJson);
    } catch (RuntimeException e) {
      LOG.warn("job_payload_unreadable queue={} error={}", queue, e.getClass().getName());
      return Map.of();
    }
  }

  void progress(RunningJob job, int percent) {
    bestEffort(
        "progress", () -> scripts.progress(queue, clock.millis(), job.id(), job.token(), percent));
  }

  void log(RunningJob job, String line) {
    bestEffort(
        "log",
        () ->
            scripts.log(
                queue,
                clock.millis(),
                job.id(),
                job.token(),
                cap(line, MAX_LOG_LINE),
                settings.logLinesPerJob()));
  }

  /** Progress and logs are informative: a Redis failure must not fail the job. */
  private void bestEffort(String operation, BooleanSupplier action) {
    if (!breaker.allows()) {
      return;
    }
    try {
      action.getAsBoolean(); // false: the lease moved on, nothing to do
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      breaker.recordFailure("queue." + operation, e);
    }
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String cap(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
