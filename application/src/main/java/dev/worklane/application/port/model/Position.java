package dev.worklane.application.port.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a cursor page ends: the sort key {@code (at, id)} of its last item. The next page starts
 * strictly after it, so rows inserted meanwhile are neither skipped nor repeated. Adapters turn it
 * into an opaque, tamper-evident cursor; the core never sees that encoding.
 */
public record Position(Instant at, UUID id) {
  public Position {
    if (at == null || id == null) {
      throw new IllegalArgumentException("a position needs both parts of the sort key");
    }
  }
}
