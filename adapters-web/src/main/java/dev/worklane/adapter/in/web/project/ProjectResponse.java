package dev.worklane.adapter.in.web.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.worklane.domain.project.Project;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A project; {@code summary} (task counts by status) only where one project is shown. */
@NullMarked
public record ProjectResponse(
    UUID id,
    @Schema(pattern = "^[A-Z]{2,10}$", maxLength = 10) String key,
    @Schema(maxLength = Project.NAME_MAX) String name,
    @Schema(maxLength = Project.DESCRIPTION_MAX) @Nullable String description,
    UUID ownerId,
    boolean archived,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) SummaryResponse summary) {

  public record SummaryResponse(long todo, long inProgress, long done, long total) {}
}
