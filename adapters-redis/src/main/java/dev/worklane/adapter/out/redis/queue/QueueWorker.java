package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Finish;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.FinishAndTake;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.job.JobHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one queue's jobs on this instance: the round trips to Redis; the attempts themselves are
 * {@link Attempts}.
 *
 * <p>Each round trip reports the attempts that finished since the last one and takes as many jobs
 * as there are free slots ({@code finish_and_take.lua}: BullMQ's move-to-finished-and-fetch-next,
 * batched). Round trips are asynchronous and event-driven — a finishing job, a reply, a pub/sub
 * "jobs added" or a timer starts the next one, at most {@value #MAX_OUTSTANDING} in flight — so no
 * thread blocks on Redis. Replies and pub/sub messages are handled on virtual threads, never on
 * Redisson's I/O threads. When the queue is empty nothing is sent until a job is added (pub/sub
 * from the scripts), the next delayed job is due, or {@code idlePoll} passes: never a busy poll.
 */
final class QueueWorker {
  private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
  private static final int MAX_FLUSH = 1000;
  static final int MAX_OUTSTANDING = 2;
  private static final long OUTAGE_RETRY_MILLIS = 100;
  private static final long LINGER_MILLIS = 1;

  private final String queue;
  private final QueueScripts scripts;
  private final QueueSettings settings;
  private final int concurrency;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final QueueMetrics metrics;
  private final ExecutorService executor;
  private final ScheduledExecutorService timers;
  private final Attempts attempts;

  /** Slots asked for by round trips still in flight. inFlight + reserved <= concurrency. */
  private final AtomicInteger reserved = new AtomicInteger();

  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicBoolean event = new AtomicBoolean(true);
  private volatile boolean taking = true;
  private volatile boolean closed;
  private volatile boolean drained;
  private volatile long wakeAt;
  // Touched only inside issue(), which the wip counter runs on one thread at a time.
  private ScheduledFuture<?> wakeTask;
  private long wakeTaskAt;
  private long lingerUntil;

  private final RTopic events;
  private final AtomicBoolean subscribing = new AtomicBoolean();
  private volatile boolean subscribed;
  private volatile int listenerId = -1;

  QueueWorker(
      String queue,
      QueueScripts scripts,
      JobHandlers handlers,
      QueueSettings settings,
      CircuitBreaker breaker,
      Clock clock,
      QueueMetrics metrics,
      ExecutorService executor,
      ScheduledExecutorService timers) {
    this.queue = queue;
    this.scripts = scripts;
    this.settings = settings;
    this.concurrency = settings.concurrencyOf(queue);
    this.breaker = breaker;
    this.clock = clock;
    this.metrics = metrics;
    this.executor = executor;
    this.timers = timers;
    this.attempts =
        new Attempts(
            queue, scripts, handlers, settings, breaker, clock, metrics, executor, this::kick);
    this.events = scripts.events(queue);
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
        .addListenerAsync(String.class, (channel, message) -> jobsAdded())
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

  private void jobsAdded() {
    event.set(true);
    if (closed) {
      return; // a wake-up for a stopped worker (the topic is shared by every instance)
    }
    try {
      executor.execute(this::kick);
    } catch (RejectedExecutionException stopping) {
      // stop() shut the executor down between the check and here: nothing to wake
    }
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
      int inFlight = attempts.inFlight();
      int free = taking ? concurrency - inFlight - reserved.get() : 0;
      boolean wantsJobs = free > 0 && (!drained || event.get() || now >= wakeAt);
      int pending = attempts.pending();
      if (pending == 0 && !wantsJobs) {
        break;
      }
      // Nagle-like: while other attempts are still running, a round trip that would not refill
      // every slot waits up to LINGER_MILLIS for more, so round trips stay few and full (measured:
      // better than half-full pairs, which beat one job per trip).
      boolean worthSending =
          pending + (wantsJobs ? free : 0) >= concurrency || inFlight == 0 || !taking;
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
      List<Finish> batch = attempts.drain(MAX_FLUSH);
      int take = wantsJobs ? free : 0;
      reserved.addAndGet(take);
      outstanding.incrementAndGet();
      scripts
          .finishAndTake(
              queue,
              now,
              batch,
              take,
              settings.leaseGrace(),
              settings.completedRetention(),
              executor)
          .whenComplete((reply, error) -> replied(batch, take, now, reply, error));
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

  private void replied(
      List<Finish> batch, int take, long now, FinishAndTake reply, Throwable error) {
    try {
      if (error != null) {
        reserved.addAndGet(-take);
        RuntimeException cause = runtime(error);
        if (cause instanceof MalformedReplyException) {
          // Redis applied the script: sending the batch again would only be fenced off.
          breaker.recordSuccess();
          LOG.error("queue_reply_unreadable queue={} error={}", queue, cause.getMessage());
          return;
        }
        attempts.requeue(batch); // sent again with the next round trip; fenced if applied
        breaker.recordFailure("queue.work", cause);
        return;
      }
      breaker.recordSuccess();
      reply.codes().forEach(metrics::finished);
      attempts.start(reply.taken(), now); // in flight before the reservation goes
      reserved.addAndGet(-take);
      if (take > 0) {
        boolean empty = reply.taken().size() < take || reply.paused();
        if (empty) {
          long at = now + settings.idlePoll().toMillis();
          long nextDue = reply.nextDueAt().orElse(Long.MAX_VALUE);
          wakeAt = Math.min(nextDue, at);
        }
        drained = empty;
      }
    } finally {
      outstanding.decrementAndGet();
      kick();
    }
  }

  private static RuntimeException runtime(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
  }

  void expireOverdue() {
    attempts.expireOverdue();
  }

  /** Graceful shutdown, step 1: take no more jobs. */
  void stopTaking() {
    taking = false;
    kick();
  }

  int inFlight() {
    return attempts.inFlight();
  }

  /** Graceful shutdown, step 2: running attempts hand their leases back (see {@link Attempts}). */
  void handBackLeases() {
    attempts.handBack();
  }

  /** Graceful shutdown, step 3: what is left is flushed to Redis (within the bound). */
  void awaitStopped(Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    kick();
    while (System.nanoTime() < deadline
        && (outstanding.get() > 0 || attempts.pending() > 0 || attempts.inFlight() > 0)) {
      Thread.sleep(5);
      attempts.handBack(); // jobs from a reply that was still on its way when taking stopped
      kick();
    }
    closed = true;
    if (listenerId >= 0) {
      try {
        events.removeListener(listenerId);
      } catch (RuntimeException e) {
        // Redis is gone: nothing to unsubscribe from
      }
    }
  }
}
