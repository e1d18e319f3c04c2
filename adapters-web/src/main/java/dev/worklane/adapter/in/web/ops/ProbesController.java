package dev.worklane.adapter.in.web.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed's {@code /health} (liveness) and {@code /ready} (readiness) on the public port, answered by
 * Actuator's health groups {@code liveness} and {@code readiness}; 503 when not UP. Actuator's own
 * endpoints stay on the management port.
 */
@RestController
public class ProbesController {
  private final HealthEndpoint health;

  public ProbesController(HealthEndpoint health) {
    this.health = health;
  }

  @GetMapping("/health")
  ResponseEntity<Map<String, Object>> liveness() {
    return answer("liveness");
  }

  @GetMapping("/ready")
  ResponseEntity<Map<String, Object>> readiness() {
    return answer("readiness");
  }

  private ResponseEntity<Map<String, Object>> answer(String group) {
    HealthDescriptor descriptor = health.healthForPath(group);
    Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.getCode());
    if (descriptor instanceof CompositeHealthDescriptor composite && composite.getComponents() != null) {
      Map<String, String> checks = new LinkedHashMap<>();
      composite.getComponents().forEach((name, part) -> checks.put(name, part.getStatus().getCode()));
      body.put("checks", checks);
    }
    return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .cacheControl(CacheControl.noStore())
        .body(body);
  }
}
