package dev.worklane.application.service.report;

import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ReportMetrics;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.domain.report.Report;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Removes reports past their retention: the object first, then the row, so a failure in between
 * leaves a row that the next sweep finds again, never an object that nothing points at. The key is
 * derived from the report id, so the object of a report that never became READY (a crash midway)
 * goes too. Run periodically by bootstrap; several instances may sweep at once (both removals are
 * idempotent).
 */
public final class ReportRetention {
  private static final System.Logger LOG = System.getLogger(ReportRetention.class.getName());

  /** Reports per round trip; a sweep goes on until none is left. */
  static final int BATCH = 100;

  private final ReportRepository reports;
  private final ObjectStorage storage;
  private final ReportMetrics metrics;
  private final Clock clock;

  public ReportRetention(
      ReportRepository reports, ObjectStorage storage, ReportMetrics metrics, Clock clock) {
    this.reports = reports;
    this.storage = storage;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Removes every report expired by now; returns how many. A storage or database failure stops the
   * sweep (the caller logs it); what was not removed is found again by the next one.
   */
  public int sweep() {
    Instant now = clock.instant();
    int removed = 0;
    List<Report> expired;
    do {
      expired = reports.findExpired(now, BATCH);
      for (Report report : expired) {
        storage.delete(Report.keyFor(report.id()));
        reports.delete(report.id());
        removed++;
      }
      if (!expired.isEmpty()) {
        metrics.expired(expired.size());
      }
    } while (expired.size() == BATCH);
    if (removed > 0) {
      LOG.log(System.Logger.Level.INFO, "reports_expired count={0}", removed);
    }
    return removed;
  }
}
