package dev.worklane.adapter.out.redis.queue;

import dev.worklane.application.job.Job;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt as its handler sees it. Progress and log lines go to Redis only while this attempt
 * still holds the job's lease token: a worker that lost its lease writes nothing.
 */
final class RunningJob implements Job {
  private final QueueWorker worker;
  private final String id;
  private final String type;
  private final String payloadJson;
  private volatile Map<String, String> payload;
  private final String requestId;
  private final int attempt;
  private final int maxAttempts;
  private final long timeoutMillis;
  private final String token;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile boolean cancelled;
  volatile Thread thread;
  private final long deadlineNanos;

  RunningJob(
      QueueWorker worker,
      String id,
      String type,
      String payloadJson,
      String requestId,
      int attempt,
      int maxAttempts,
      long timeoutMillis,
      String token) {
    this.worker = worker;
    this.id = id;
    this.type = type;
    this.payloadJson = payloadJson;
    this.requestId = requestId;
    this.attempt = attempt;
    this.maxAttempts = maxAttempts;
    this.timeoutMillis = timeoutMillis;
    this.token = token;
    this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String queue() {
    return worker.queue();
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Map<String, String> payload() {
    Map<String, String> decoded = payload;
    if (decoded == null) {
      decoded = worker.decodePayload(payloadJson);
      payload = decoded;
    }
    return decoded;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public int maxAttempts() {
    return maxAttempts;
  }

  @Override
  public void progress(int percent) {
    if (!done.get()) {
      worker.progress(this, Math.clamp(percent, 0, 100));
    }
  }

  @Override
  public void log(String line) {
    if (!done.get() && line != null) {
      worker.log(this, line);
    }
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  String requestId() {
    return requestId;
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  String token() {
    return token;
  }

  /** The first outcome wins (result, timeout or hand-back); later ones are dropped. */
  boolean markDone(boolean cancel) {
    if (!done.compareAndSet(false, true)) {
      return false;
    }
    if (cancel) {
      cancelled = true;
    }
    return true;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  boolean isDone() {
    return done.get();
  }

  @Override
  public String toString() {
    return "RunningJob[" + worker.queue() + "/" + id + " attempt " + attempt + "]";
  }
}
