package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Script;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.job.PermanentJobFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one queue's jobs on this instance.
 *
 * <p>Each round trip to Redis reports the attempts that finished since the last one and takes as
 * many jobs as there are free slots ({@code finish_and_take.lua}: BullMQ's
 * move-to-finished-and-fetch-next, batched). Round trips are asynchronous and event-driven — a
 * finishing job, a reply, a pub/sub "jobs added" or a timer starts the next one, at most {@value
 * #MAX_OUTSTANDING} in flight — so no thread blocks on Redis. Replies and pub/sub messages are
 * handled on virtual threads, never on Redisson's I/O threads. When the queue is empty nothing is
 * sent until a job is added (pub/sub from the scripts), the next delayed job is due, or {@code
 * idlePoll} passes: never a busy poll.
 *
 * <p>Handlers run on virtual threads, with {@code jobId} and {@code requestId} in the MDC. Each
 * attempt has a deadline (its timeout), checked every {@value JobWorkers#TIMEOUT_SCAN_MILLIS} ms:
 * past it the attempt is failed and its thread interrupted; its slot is free at once, and whatever
 * the handler still reports is ignored (first outcome wins, and Redis fences by lease token).
 */
final class QueueWorker {
  private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
  private static final int MAX_FLUSH = 1000;
  static final int MAX_OUTSTANDING = 2;
  private static final long OUTAGE_RETRY_MILLIS = 100;
  private static final long LINGER_MILLIS = 1;
  private static final int MAX_REASON = 1000;
  private static final int MAX_STACK = 64 * 1024;
  private static final int MAX_LOG_LINE = 2000;

  record Finish(String id, String token, char outcome, String reason, String stack) {}

  private final String queue;
  private final QueueKeys keys;
  private final QueueScripts scripts;
  private final RedissonClient redis;
  private final JobHandlers handlers;
  private final QueueSettings settings;
  private final int concurrency;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final QueueMetrics metrics;
  private final ExecutorService executor;
  private final ScheduledExecutorService timers;

  private final ConcurrentLinkedQueue<Finish> finished = new ConcurrentLinkedQueue<>();
  private final Map<String, RunningJob> running = new ConcurrentHashMap<>();

  /** Attempts running on this instance (slots in use). */
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Slots asked for by round trips still in flight. inFlight + reserved <= concurrency. */
  private final AtomicInteger reserved = new AtomicInteger();

  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger finishedCount = new AtomicInteger();
  private final int batchTarget;
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicBoolean event = new AtomicBoolean(true);
  private volatile boolean taking = true;
  private volatile boolean closed;
  private volatile boolean subscribed;
  private final AtomicBoolean subscribing = new AtomicBoolean();
  private volatile boolean drained;
  private volatile long wakeAt;
  // Touched only inside issue(), which the wip counter runs on one thread at a time.
  private ScheduledFuture<?> wakeTask;
  private long wakeTaskAt;
  private long lingerUntil;
  private final RTopic events;
  private volatile int listenerId = -1;

  QueueWorker(
      String queue,
      QueueKeys keys,
      QueueScripts scripts,
      RedissonClient redis,
      JobHandlers handlers,
      QueueSettings settings,
      CircuitBreaker breaker,
      Clock clock,
      QueueMetrics metrics,
      ExecutorService executor,
      ScheduledExecutorService timers) {
    this.queue = queue;
    this.keys = keys;
    this.scripts = scripts;
    this.redis = redis;
    this.handlers = handlers;
    this.settings = settings;
    this.concurrency = settings.concurrencyOf(queue);
    this.batchTarget = concurrency;
    this.breaker = breaker;
    this.clock = clock;
    this.metrics = metrics;
    this.executor = executor;
    this.timers = timers;
    this.events = redis.getTopic(keys.events(), StringCodec.INSTANCE);
  }

  String queue() {
    return queue;
  }

  /** Takes jobs at once; the wake-up subscription follows (the first poll covers the gap). */
  void start() {
    kick();
    ensureSubscribed();
  }

  /**
   * Asynchronous, so starting does not wait on Redis (the first poll and {@code idlePoll} cover
   * jobs added meanwhile); lazy like the client: when Redis is down, maintenance retries.
   */
  void ensureSubscribed() {
    if (subscribed || closed || !breaker.allows() || !subscribing.compareAndSet(false, true)) {
      return;
    }
    events
        .addListenerAsync(
            String.class,
            (channel, message) -> {
              event.set(true);
              if (closed) {
                return; // a wake-up for a stopped worker (the topic is shared by every instance)
              }
              try {
                executor.execute(this::kick);
              } catch (RejectedExecutionException stopping) {
                // stop() shut the executor down between the check and here: nothing to wake
              }
            })
        .whenComplete(
            (id, error) -> {
              if (error == null) {
                listenerId = id;
                subscribed = true;
              } else {
                breaker.recordFailure("queue.subscribe", runtime(error));
              }
              subscribing.set(false);
            });
  }

  /** Something changed (a job finished, jobs were added, a reply, a timer): send what is due. */
  void kick() {
    if (wip.getAndIncrement() != 0) {
      return; // the thread inside issue() will look again
    }
    int missed = 1;
    do {
      try {
        issue();
      } catch (RuntimeException e) {
        breaker.recordFailure("queue.work", e);
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void issue() {
    while (!closed && outstanding.get() < MAX_OUTSTANDING) {
      long now = clock.millis();
      int free = taking ? concurrency - inFlight.get() - reserved.get() : 0;
      boolean wantsJobs = free > 0 && (!drained || event.get() || now >= wakeAt);
      int pending = finishedCount.get();
      if (pending == 0 && !wantsJobs) {
        break;
      }
      // Nagle-like: while other attempts are still running, a round trip that would not refill
      // every slot waits up to LINGER_MILLIS for more, so round trips stay few and full (measured:
      // better than half-full pairs, which beat one job per trip).
      boolean worthSending =
          pending + (wantsJobs ? free : 0) >= batchTarget || inFlight.get() == 0 || !taking;
      if (!worthSending) {
        if (lingerUntil == 0) {
          lingerUntil = now + LINGER_MILLIS;
        }
        if (now < lingerUntil) {
          scheduleWake(lingerUntil);
          break;
        }
      }
      lingerUntil = 0;
      if (!breaker.allows()) {
        scheduleWake(now + OUTAGE_RETRY_MILLIS); // the breaker paces retries; results wait here
        return;
      }
      if (wantsJobs) {
        event.set(false);
      }
      List<Finish> batch = new ArrayList<>();
      for (Finish f; batch.size() < MAX_FLUSH && (f = finished.poll()) != null; ) {
        batch.add(f);
      }
      finishedCount.addAndGet(-batch.size());
      int take = wantsJobs ? free : 0;
      reserved.addAndGet(take);
      outstanding.incrementAndGet();
      scripts
          .runForStringAsync(Script.FINISH_AND_TAKE, keys, now, arguments(batch, take))
          .whenCompleteAsync((reply, error) -> replied(batch, take, now, reply, error), executor);
    }
    if (!closed && taking && drained && outstanding.get() == 0) {
      scheduleWake(wakeAt);
    }
  }

  private void scheduleWake(long at) {
    if (wakeTask != null && !wakeTask.isDone() && wakeTaskAt <= at) {
      return;
    }
    if (wakeTask != null) {
      wakeTask.cancel(false);
    }
    wakeTaskAt = at;
    wakeTask = timers.schedule(this::kick, Math.max(1, at - clock.millis()), TimeUnit.MILLISECONDS);
  }

  private void replied(List<Finish> batch, int take, long now, String reply, Throwable error) {
    try {
      if (error != null) {
        finished.addAll(batch); // sent again with the next round trip; fenced if already applied
        finishedCount.addAndGet(batch.size());
        reserved.addAndGet(-take);
        breaker.recordFailure("queue.work", runtime(error));
        return;
      }
      breaker.recordSuccess();
      List<?> result;
      try {
        result = (List<?>) LuaJson.parse(reply);
      } catch (RuntimeException e) {
        reserved.addAndGet(-take);
        throw e;
      }
      int taken = handle(result, now); // counts its jobs in flight before the reservation goes
      reserved.addAndGet(-take);
      if (take > 0) {
        boolean empty = taken < take || RedisQueueControlAdapter.asLong(result.get(0)) == 1;
        if (empty) {
          long nextDue = RedisQueueControlAdapter.asLong(result.get(1));
          long at = now + settings.idlePoll().toMillis();
          wakeAt = nextDue >= 0 && nextDue < at ? nextDue : at;
        }
        drained = empty;
      }
    } catch (RuntimeException e) {
      LOG.error("queue_reply_unreadable queue={} error={}", queue, e.getClass().getName());
    } finally {
      outstanding.decrementAndGet();
      kick();
    }
  }

  private static RuntimeException runtime(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
  }

  private Object[] arguments(List<Finish> batch, int take) {
    List<String[]> finishes = new ArrayList<>(batch.size());
    for (Finish f : batch) {
      finishes.add(
          new String[] {f.id(), f.token(), String.valueOf(f.outcome()), f.reason(), f.stack()});
    }
    return new Object[] {
      LuaJson.rows(finishes),
      Integer.toString(take),
      Long.toString(settings.leaseGrace().toMillis()),
      Long.toHexString(ThreadLocalRandom.current().nextLong()),
      Long.toString(settings.completedRetention().toMillis())
    };
  }

  /**
   * [paused, nextDue, [codes], [[id, type, payload, requestId, attempt, max, timeout, at, token]]]
   */
  private int handle(List<?> result, long now) {
    for (Object code : list(result.get(2))) {
      metrics.finished(RedisQueueControlAdapter.asLong(code));
    }
    List<?> jobs = list(result.get(3));
    inFlight.addAndGet(jobs.size());
    for (Object row : jobs) {
      List<?> j = (List<?>) row;
      String id = (String) j.get(0);
      long timeout = RedisQueueControlAdapter.asLong(j.get(6));
      metrics.waited(now - RedisQueueControlAdapter.asLong(j.get(7)));
      RunningJob job =
          new RunningJob(
              this,
              id,
              (String) j.get(1),
              (String) j.get(2),
              (String) j.get(3),
              (int) RedisQueueControlAdapter.asLong(j.get(4)),
              (int) RedisQueueControlAdapter.asLong(j.get(5)),
              timeout,
              (String) j.get(8));
      running.put(job.token(), job);
      executor.execute(() -> run(job));
    }
    return jobs.size();
  }

  /** cjson writes an empty array as {}. */
  static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
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
      finish(job, 'c', "", "", false);
    } catch (PermanentJobFailure e) {
      failed(job, 'p', e);
    } catch (Throwable e) {
      if (!job.isDone()) {
        failed(job, 'f', e);
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

  private void failed(RunningJob job, char outcome, Throwable e) {
    String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    if (finish(job, outcome, cap(reason, MAX_REASON), cap(stackTrace(e), MAX_STACK), false)) {
      // The message may quote job data: it goes to the dashboard, the log gets the type only.
      LOG.warn(
          "job_failed queue={} type={} attempt={}/{} permanent={} error={}",
          queue,
          job.type(),
          job.attempt(),
          job.maxAttempts(),
          outcome == 'p',
          e.getClass().getName());
    }
  }

  private void timedOut(RunningJob job) {
    String reason = "timed out after " + human(Duration.ofMillis(job.timeoutMillis()));
    if (finish(job, 'f', reason, "", true)) {
      LOG.warn(
          "job_timed_out queue={} jobId={} type={} attempt={}/{} timeout={}ms",
          queue,
          job.id(),
          job.type(),
          job.attempt(),
          job.maxAttempts(),
          job.timeoutMillis());
      Thread thread = job.thread;
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  /** Records the attempt's outcome for the next round trip and frees its slot. */
  private boolean finish(
      RunningJob job, char outcome, String reason, String stack, boolean cancel) {
    if (!job.markDone(cancel)) {
      return false;
    }
    running.remove(job.token());
    finished.add(new Finish(job.id(), job.token(), outcome, reason, stack));
    finishedCount.incrementAndGet();
    inFlight.decrementAndGet();
    kick();
    return true;
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

  /**
   * On the handler's thread, when it asks: the reply's thread only dispatches. The broker wrote it
   * with Jackson; a flat string map reads faster with the engine's own small parser.
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
        "progress",
        () ->
            scripts.run(
                Script.PROGRESS,
                keys,
                clock.millis(),
                job.token(),
                Integer.toString(percent),
                job.id()));
  }

  void log(RunningJob job, String line) {
    bestEffort(
        "log",
        () ->
            scripts.run(
                Script.LOG,
                keys,
                clock.millis(),
                job.token(),
                cap(line, MAX_LOG_LINE),
                job.id(),
                Integer.toString(settings.logLinesPerJob())));
  }

  /** Progress and logs are informative: a Redis failure must not fail the job. */
  private void bestEffort(String operation, Runnable action) {
    if (!breaker.allows()) {
      return;
    }
    try {
      action.run();
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      breaker.recordFailure("queue." + operation, e);
    }
  }

  /** Graceful shutdown, step 1: take no more jobs. */
  void stopTaking() {
    taking = false;
    kick();
  }

  int inFlight() {
    return inFlight.get();
  }

  /**
   * Graceful shutdown, step 2: attempts still running give their jobs back to waiting at once,
   * without consuming the attempt, and are interrupted.
   */
  void handBackLeases() {
    for (RunningJob job : running.values()) {
      if (finish(job, 'r', "", "", true)) {
        LOG.info("job_handed_back queue={} jobId={} type={}", queue, job.id(), job.type());
        Thread thread = job.thread;
        if (thread != null) {
          thread.interrupt();
        }
      }
    }
  }

  /** Graceful shutdown, step 3: what is left is flushed to Redis (within the bound). */
  void awaitStopped(Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    kick();
    while (System.nanoTime() < deadline
        && (outstanding.get() > 0 || !finished.isEmpty() || inFlight.get() > 0)) {
      Thread.sleep(5);
      handBackLeases(); // jobs from a reply that was still on its way when taking stopped
      kick();
    }
    closed = true;
    if (events != null && listenerId >= 0) {
      try {
        events.removeListener(listenerId);
      } catch (RuntimeException e) {
        // Redis is gone: nothing to unsubscribe from
      }
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
