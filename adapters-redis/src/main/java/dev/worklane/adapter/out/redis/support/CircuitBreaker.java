package dev.worklane.adapter.out.redis.support;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a Redis failure, callers skip Redis for a while instead of each waiting for a timeout; the
 * first call after the pause tries again. Logs once per outage and once on recovery, so a dead
 * Redis does not flood the logs at request rate.
 */
public final class CircuitBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  private final String name;
  private final Duration openFor;
  private final Clock clock;
  private final AtomicLong openUntil = new AtomicLong(0);
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean failing;

  public CircuitBreaker(String name, Duration openFor, Clock clock) {
    this.name = name;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** False while the circuit is open: do not call Redis, use the fallback. */
  public boolean allows() {
    return clock.millis() >= openUntil.get();
  }

  public void recordSuccess() {
    if (failing) {
      failing = false;
      LOG.info("redis_recovered client={}", name);
    }
  }

  public void recordFailure(String operation, RuntimeException e) {
    failures.incrementAndGet();
    openUntil.set(clock.millis() + openFor.toMillis());
    if (!failing) {
      failing = true;
      LOG.warn(
          "redis_unavailable client={} operation={} error={} skippingFor={}",
          name,
          operation,
          e.getClass().getSimpleName(),
          openFor);
    }
  }

  public boolean isFailing() {
    return failing;
  }

  public String name() {
    return name;
  }

  /**
   * Redis calls that failed since start ({@code worklane.redis.failures}): 0 proves a test really
   * talked to Redis rather than passing on a fallback.
   */
  public long failures() {
    return failures.get();
  }
}
