package dev.worklane.application.port.in.report;

import dev.worklane.domain.report.Report;
import java.net.URI;
import java.time.Instant;

/**
 * A report as its reader sees it. {@code downloadUrl} (signed, valid until {@code
 * downloadExpiresAt}) is set only when the report is READY; a new one is signed at every read.
 */
public record ReportView(Report report, URI downloadUrl, Instant downloadExpiresAt) {
  public static ReportView withoutDownload(Report report) {
    return new ReportView(report, null, null);
  }
}
