package dev.worklane.application.port.in.report;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportFormat;

/** What to report on: the format (CSV) and the task list filters; null filters select all. */
public record RequestReportCommand(ReportFormat format, ReportFilters filters) {
  public RequestReportCommand {
    Require.present(format, "format");
    filters = filters == null ? ReportFilters.none() : filters;
  }
}
