package dev.worklane.adapter.out.persistence.report;

import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.user.UserId;

/** Reports between the domain record and their row, by hand (as tasks, for the same reason). */
final class ReportPersistenceMapper {

  private ReportPersistenceMapper() {}

  static Report toDomain(ReportEntity entity) {
    return new Report(
        new ReportId(entity.getId()),
        new ProjectId(entity.getProjectId()),
        new UserId(entity.getRequestedBy()),
        entity.getFormat(),
        new ReportFilters(
            entity.getFilterStatus(),
            entity.getFilterAssigneeId() == null ? null : new UserId(entity.getFilterAssigneeId())),
        entity.getStatus(),
        entity.getProgress(),
        entity.getStorageKey(),
        entity.getError(),
        entity.getRowCount(),
        entity.getSizeBytes(),
        entity.getCreatedAt(),
        entity.getCompletedAt(),
        entity.getExpiresAt());
  }

  static ReportEntity toNewEntity(Report report) {
    ReportEntity entity = new ReportEntity();
    entity.setId(report.id().value());
    entity.setProjectId(report.projectId().value());
    entity.setRequestedBy(report.requestedBy().value());
    entity.setFormat(report.format());
    entity.setFilterStatus(report.filters().status());
    entity.setFilterAssigneeId(
        report.filters().assigneeId() == null ? null : report.filters().assigneeId().value());
    entity.setStatus(report.status());
    entity.setProgress(report.progress());
    entity.setStorageKey(report.storageKey());
    entity.setError(report.error());
    entity.setRowCount(report.rowCount());
    entity.setSizeBytes(report.sizeBytes());
    entity.setCreatedAt(report.createdAt());
    entity.setCompletedAt(report.completedAt());
    entity.setExpiresAt(report.expiresAt());
    return entity;
  }
}
