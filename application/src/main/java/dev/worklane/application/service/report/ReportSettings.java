package dev.worklane.application.service.report;

import java.time.Duration;

/**
 * @param retention how long a report is kept after it completed (or, when it never does, after it
 *     was requested); then its object and row are removed
 */
public record ReportSettings(Duration retention) {
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** A signed download URL is valid this long (SPEC §7). */
  public static final Duration DOWNLOAD_VALIDITY = Duration.ofHours(1);

  public ReportSettings {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the report retention must be positive");
    }
  }

  public static ReportSettings defaults() {
    return new ReportSettings(DEFAULT_RETENTION);
  }
}
