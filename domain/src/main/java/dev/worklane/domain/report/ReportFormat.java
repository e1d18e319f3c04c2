package dev.worklane.domain.report;

/** What a report is written as; CSV is the only format so far. */
public enum ReportFormat {
  CSV
}
