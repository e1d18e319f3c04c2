package dev.worklane.adapter.in.web.report;

import dev.worklane.domain.report.ReportFormat;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /projects/{id}/reports}: the format (required; {@code CSV} only) and the task list's
 * filters in the version's spelling.
 *
 * @param <F> {@link ReportFiltersV1} or {@link ReportFiltersV2}
 */
@Schema(name = "CreateReportRequest")
public record CreateReportRequest<F>(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReportFormat format, F filters) {}
