package dev.worklane.adapter.out.persistence.report;

import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/** {@link ReportRepository} on PostgreSQL through JPA ({@link ReportJpaRepository}). */
@Component
public class ReportRepositoryAdapter implements ReportRepository {

  private final ReportJpaRepository reports;

  ReportRepositoryAdapter(ReportJpaRepository reports) {
    this.reports = reports;
  }

  /** Flushed at once: an unknown project or user fails here, in the caller's transaction. */
  @Override
  public Report add(Report report) {
    return ReportPersistenceMapper.toDomain(
        reports.saveAndFlush(ReportPersistenceMapper.toNewEntity(report)));
  }

  @Override
  public Optional<Report> findById(ReportId id) {
    return reports.findById(id.value()).map(ReportPersistenceMapper::toDomain);
  }

  @Override
  public boolean update(Report report) {
    return reports.updateState(
            report.id().value(),
            report.status(),
            report.progress(),
            report.storageKey(),
            report.error(),
            report.rowCount(),
            report.sizeBytes(),
            report.completedAt(),
            report.expiresAt())
        == 1;
  }

  @Override
  public List<Report> findExpired(Instant now, int limit) {
    return reports.findByExpiresAtLessThanEqualOrderByExpiresAtAsc(now, Limit.of(limit)).stream()
        .map(ReportPersistenceMapper::toDomain)
        .toList();
  }

  @Override
  public void delete(ReportId id) {
    reports.deleteReport(id.value());
  }
}
