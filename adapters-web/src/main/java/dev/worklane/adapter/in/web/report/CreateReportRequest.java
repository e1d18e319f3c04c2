package dev.worklane.adapter.in.web.report;

import dev.worklane.domain.report.ReportFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /projects/{id}/reports}: the format (required; {@code CSV} only) and the task list's
 * filters in the version's spelling.
 *
 * @param <F> {@link ReportFiltersV1} or {@link ReportFiltersV2}
 */
@Schema(name = "CreateReportRequest")
@NullMarked
public record CreateReportRequest<F>(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReportFormat format,
    @Nullable F filters) {}
