package dev.worklane.application.port.out;

import dev.worklane.domain.report.ReportStatus;
import java.time.Duration;

/**
 * What operators watch of report generation: outcomes (READY or FAILED), the time a generation
 * took, rows written, and reports removed at expiry.
 */
public interface ReportMetrics {

  /** One generation ended with {@code outcome} (READY or FAILED) after {@code took}. */
  void generated(ReportStatus outcome, Duration took, long rows);

  /** {@code count} expired reports were removed, object and row. */
  void expired(int count);
}
