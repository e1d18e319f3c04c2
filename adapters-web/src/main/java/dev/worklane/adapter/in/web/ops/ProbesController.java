package dev.worklane.adapter.in.web.ops;

import dev.worklane.adapter.in.web.support.ApiPaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed's {@code /health} (liveness) and {@code /ready} (readiness) on the public port, answered by
 * Actuator's health groups {@code liveness} and {@code readiness}; 503 when not UP. Actuator's own
 * endpoints stay on the management port.
 *
 * <p>{@code /ready} is public and runs a database query and a Redis ping, so its result is reused
 * for {@link #READINESS_TTL}: a flood of probes costs one check per second, and concurrent callers
 * of an expired result wait for one evaluation instead of each starting their own. A change of the
 * application's availability state (e.g. shutdown refusing traffic) drops the cached result.
 */
@RestController
public class ProbesController {
  static final Duration READINESS_TTL = Duration.ofSeconds(1);

  private final HealthEndpoint health;
  private final Clock clock;
  private final Counter evaluations;
  private final ReentrantLock evaluating = new ReentrantLock();
  private volatile Cached readiness;

  public ProbesController(HealthEndpoint health, Clock clock, MeterRegistry meters) {
    this.health = health;
    this.clock = clock;
    this.evaluations =
        Counter.builder("worklane.readiness.evaluations")
            .description("Readiness checks actually run (GET /ready reuses a result for 1 s)")
            .register(meters);
  }

  @GetMapping(ApiPaths.HEALTH)
  ResponseEntity<Map<String, Object>> liveness() {
    return answer(health.healthForPath("liveness"));
  }

  @GetMapping(ApiPaths.READY)
  ResponseEntity<Map<String, Object>> readiness() {
    return answer(currentReadiness());
  }

  @EventListener
  void onAvailabilityChange(AvailabilityChangeEvent<?> event) {
    readiness = null;
  }

  private HealthDescriptor currentReadiness() {
    Cached cached = readiness;
    if (cached != null && cached.isFresh(clock.instant())) {
      return cached.descriptor();
    }
    evaluating.lock();
    try {
      cached = readiness;
      if (cached != null && cached.isFresh(clock.instant())) {
        return cached.descriptor(); // another caller evaluated it while we waited
      }
      evaluations.increment();
      HealthDescriptor descriptor = health.healthForPath("readiness");
      readiness = new Cached(descriptor, clock.instant().plus(READINESS_TTL));
      return descriptor;
    } finally {
      evaluating.unlock();
    }
  }

  private static ResponseEntity<Map<String, Object>> answer(HealthDescriptor descriptor) {
    Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.getCode());
    if (descriptor instanceof CompositeHealthDescriptor composite
        && composite.getComponents() != null) {
      Map<String, String> checks = new LinkedHashMap<>();
      composite
          .getComponents()
          .forEach((name, part) -> checks.put(name, part.getStatus().getCode()));
      body.put("checks", checks);
    }
    return ResponseEntity.status(
            Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .cacheControl(CacheControl.noStore())
        .body(body);
  }

  private record Cached(HealthDescriptor descriptor, Instant expiresAt) {
    boolean isFresh(Instant now) {
      return now.isBefore(expiresAt);
    }
  }
}
