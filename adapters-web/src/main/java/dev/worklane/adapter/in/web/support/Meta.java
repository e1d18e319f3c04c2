package dev.worklane.adapter.in.web.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;

/**
 * Envelope metadata; page fields appear only on paged responses. {@code nextCursor} is an Optional
 * because a cursor page must say {@code "nextCursor": null} on its last page while other responses
 * leave it out: NON_NULL drops a null reference but writes an empty Optional as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meta(
    Instant timestamp,
    String requestId,
    Integer page,
    Integer perPage,
    Long total,
    Optional<String> nextCursor) {

  public static Meta of(Instant timestamp, String requestId) {
    return new Meta(timestamp, requestId, null, null, null, null);
  }
}
