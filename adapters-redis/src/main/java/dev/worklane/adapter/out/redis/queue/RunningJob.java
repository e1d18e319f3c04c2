package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.ScriptReplies.TakenJob;
import dev.worklane.application.job.Job;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt as its handler sees it. Progress and log lines go to Redis only while this attempt
 * still holds the job's lease token: a worker that lost its lease writes nothing.
 */
final class RunningJob implements Job {
  private final Attempts attempts;
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

  RunningJob(Attempts attempts, TakenJob taken) {
    this.attempts = attempts;
    this.id = taken.id();
    this.type = taken.type();
    this.payloadJson = taken.payloadJson();
    this.requestId = taken.requestId();
    this.attempt = taken.attempt();
    this.maxAttempts = taken.maxAttempts();
    this.timeoutMillis = taken.timeoutMillis();
    this.token = taken.token();
    this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String queue() {
    return attempts.queue();
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Map<String, String> payload() {
    Map<String, String> decoded = payload;
    if (decoded == null) {
      decoded = attempts.decodePayload(payloadJson);
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
      attempts.progress(this, Math.clamp(percent, 0, 100));
    }
  }

  @Override
  public void log(String line) {
    if (!done.get() && line != null) {
      attempts.log(this, line);
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
    return "RunningJob[" + attempts.queue() + "/" + id + " attempt " + attempt + "]";
  }
}
