package dev.worklane.adapter.in.web.v1.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A project; {@code summary} (task counts by status) only where one project is shown. */
public record ProjectResponse(
    UUID id,
    String key,
    String name,
    String description,
    UUID ownerId,
    boolean archived,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) SummaryResponse summary) {

  public record SummaryResponse(long todo, long inProgress, long done, long total) {}
}
