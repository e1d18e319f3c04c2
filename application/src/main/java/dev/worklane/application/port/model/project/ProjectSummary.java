package dev.worklane.application.port.model.project;

/** Task counts by status: cached as {@code cache:projects:{id}:summary}. */
public record ProjectSummary(long todo, long inProgress, long done) {
  public long total() {
    return todo + inProgress + done;
  }
}
