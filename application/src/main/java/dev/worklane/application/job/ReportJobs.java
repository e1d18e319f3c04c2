package dev.worklane.application.job;

import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.domain.report.ReportId;
import java.time.Duration;
import java.util.Map;

/** The {@code report.generate} job: it names the report, nothing else (no filters, no user). */
public final class ReportJobs {
  public static final String TYPE = "report.generate";

  /** How every report file is stored and served. */
  public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  static final String REPORT_ID = "reportId";

  /**
   * One attempt may stream a large project (100 000 tasks take seconds, not minutes), far beyond
   * the 30 s default meant for an email; a stuck attempt still ends and is retried.
   */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private ReportJobs() {}

  /**
   * On the {@code default} queue, keyed by the report: a second enqueue of the same report while
   * its job exists is the same job.
   */
  public static JobRequest generate(ReportId report) {
    return JobRequest.of(
            JobRequest.DEFAULT_QUEUE, TYPE, Map.of(REPORT_ID, report.value().toString()))
        .with(JobOptions.defaults().withTimeout(TIMEOUT).withIdempotencyKey("report-" + report));
  }
}
