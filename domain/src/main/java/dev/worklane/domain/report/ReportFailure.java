package dev.worklane.domain.report;

/**
 * Why a report failed, in words fit for its requester: never an exception message, a key or a host
 * name. The text is what {@code GET /reports/{id}} shows as {@code error}.
 */
public enum ReportFailure {
  PROJECT_GONE("The project no longer exists."),
  STORAGE_UNAVAILABLE("File storage was unavailable; please request the report again later."),
  TIMED_OUT("Generating the report took too long; please request it again."),
  INTERNAL_ERROR("The report could not be generated; please request it again.");

  private final String reason;

  ReportFailure(String reason) {
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
