package dev.worklane.adapter.in.web.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Envelope metadata; page fields appear only on paged responses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meta(
    Instant timestamp,
    String requestId,
    Integer page,
    Integer perPage,
    Long total,
    String nextCursor) {

  public static Meta of(Instant timestamp, String requestId) {
    return new Meta(timestamp, requestId, null, null, null, null);
  }
}
