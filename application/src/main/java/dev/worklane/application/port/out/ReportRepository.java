package dev.worklane.application.port.out;

import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reports and their state; the file itself lives in {@link ObjectStorage}. */
public interface ReportRepository {

  Report add(Report report);

  Optional<Report> findById(ReportId id);

  /**
   * Writes the report's current state (status, progress, object, counts, error, timestamps).
   * Returns false when the row is gone (swept at expiry meanwhile): the caller then owns whatever
   * object it wrote and removes it.
   */
  boolean update(Report report);

  /**
   * Up to {@code limit} reports whose {@code expiresAt} is at or before {@code now}, oldest first.
   */
  List<Report> findExpired(Instant now, int limit);

  /** Removes the row; removing a missing one is not an error. */
  void delete(ReportId id);
}
