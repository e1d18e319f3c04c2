package dev.worklane.adapter.in.web.report;

import dev.worklane.adapter.in.web.task.TaskStatusV2;
import dev.worklane.application.port.in.report.ReportView;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.user.UserId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The one place where a report becomes its JSON shape in each version, and filters come in. */
@Component
public class ReportWebMapper {

  public ReportResponseV1 toV1(ReportView view) {
    ReportFilters filters = view.report().filters();
    return new ReportResponseV1(
        head(view.report()),
        new ReportFiltersV1(filters.status(), idOf(filters.assigneeId())),
        state(view));
  }

  public ReportResponseV2 toV2(ReportView view) {
    ReportFilters filters = view.report().filters();
    return new ReportResponseV2(
        head(view.report()),
        new ReportFiltersV2(
            filters.status() == null ? null : TaskStatusV2.of(filters.status()),
            idOf(filters.assigneeId())),
        state(view));
  }

  public ReportFilters fromV1(ReportFiltersV1 filters) {
    return filters == null
        ? ReportFilters.none()
        : new ReportFilters(filters.status(), userOf(filters.assigneeId()));
  }

  public ReportFilters fromV2(ReportFiltersV2 filters) {
    return filters == null
        ? ReportFilters.none()
        : new ReportFilters(
            filters.status() == null ? null : filters.status().domain(),
            userOf(filters.assigneeId()));
  }

  private static ReportFields.Head head(Report report) {
    return new ReportFields.Head(
        report.id().value(),
        report.projectId().value(),
        report.requestedBy().value(),
        report.format());
  }

  private static ReportFields.State state(ReportView view) {
    Report report = view.report();
    return new ReportFields.State(
        report.status(),
        report.progress(),
        report.createdAt(),
        report.completedAt(),
        report.expiresAt(),
        report.rowCount(),
        report.sizeBytes(),
        view.downloadUrl(),
        view.downloadExpiresAt(),
        report.error());
  }

  private static UUID idOf(UserId id) {
    return id == null ? null : id.value();
  }

  private static UserId userOf(UUID id) {
    return id == null ? null : new UserId(id);
  }
}
