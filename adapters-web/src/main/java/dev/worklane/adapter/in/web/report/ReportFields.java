package dev.worklane.adapter.in.web.report;

import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What both versions show of a report alike, in two parts each version's response unwraps around
 * its own {@code filters}, so the properties keep their order in both.
 */
@NullMarked
final class ReportFields {
  private ReportFields() {}

  record Head(UUID id, UUID projectId, UUID requestedBy, ReportFormat format) {}

  record State(
      ReportStatus status,
      @Schema(minimum = "0", maximum = "100", description = "Percent of the rows written")
          int progress,
      Instant createdAt,
      @Schema(description = "When it became READY or FAILED") @Nullable Instant completedAt,
      @Schema(description = "When the report and its file are removed; then it is 404")
          Instant expiresAt,
      @Schema(minimum = "0", description = "Tasks in the file, once READY") @Nullable Long rowCount,
      @Schema(minimum = "0", description = "Bytes of the file, once READY")
          @Nullable Long sizeBytes,
      @Schema(
              description =
                  "Once READY: a signed URL serving the CSV as an attachment, valid until"
                      + " downloadUrlExpiresAt (1 h); each GET signs a fresh one")
          @Nullable URI downloadUrl,
      @Nullable Instant downloadUrlExpiresAt,
      @Schema(maxLength = 500, description = "Once FAILED: why, in words for the requester")
          @Nullable String error) {}
}
