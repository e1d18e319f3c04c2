package dev.worklane.domain.report;

/**
 * QUEUED until a worker takes the job, RUNNING while it writes, then READY (downloadable) or FAILED
 * (with a reason). An expired report is deleted, so it has no status of its own.
 */
public enum ReportStatus {
  QUEUED,
  RUNNING,
  READY,
  FAILED
}
