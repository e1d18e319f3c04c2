package dev.worklane.application.job;

import dev.worklane.application.port.out.JobRequest;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.report.ReportFailure;
import dev.worklane.domain.report.ReportId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The emails Worklane sends as {@code email.send} jobs on the {@code email} queue, never inline in
 * a request. The job carries the template name and its values, not the rendered text. None of them
 * carries a secret: the queue keeps a job's data after it ran, so an email with a one-time secret
 * is sent by the job that mints it ({@link SecretEmails}).
 */
public final class EmailJobs {
  public static final String TYPE = "email.send";

  static final String TEMPLATE = "template";
  static final String TO = "to";

  static final String WELCOME = "welcome";
  static final String REPORT_READY = "report-ready";
  static final String REPORT_FAILED = "report-failed";

  static final String REPORT_ID = "reportId";
  static final String PROJECT_KEY = "projectKey";
  static final String EXPIRES_AT = "expiresAt";
  static final String FAILURE = "failure";

  private EmailJobs() {}

  /**
   * Carries no text the registrant chose: anyone can register any address, so a display name in the
   * body would be a stranger's words sent from our address.
   */
  public static JobRequest welcome(String to) {
    return JobRequest.of(JobRequest.EMAIL_QUEUE, TYPE, Map.of(TEMPLATE, WELCOME, TO, to));
  }

  /**
   * To the requester of a READY report: a link to {@code GET /reports/{id}}, which signs a fresh
   * download URL at each read, rather than the signed URL itself, which expires within the hour.
   */
  public static JobRequest reportReady(
      String to, ReportId report, ProjectKey project, Instant expiresAt) {
    return JobRequest.of(
        JobRequest.EMAIL_QUEUE,
        TYPE,
        Map.of(
            TEMPLATE,
            REPORT_READY,
            TO,
            to,
            REPORT_ID,
            report.toString(),
            PROJECT_KEY,
            project.value(),
            EXPIRES_AT,
            expiresAt.toString()));
  }

  /**
   * To the requester of a FAILED report, with the failure's fixed reason. {@code project} is null
   * when the project is gone.
   */
  public static JobRequest reportFailed(
      String to, ReportId report, ProjectKey project, ReportFailure failure) {
    Map<String, String> data = new HashMap<>();
    data.put(TEMPLATE, REPORT_FAILED);
    data.put(TO, to);
    data.put(REPORT_ID, report.toString());
    data.put(FAILURE, failure.name());
    if (project != null) {
      data.put(PROJECT_KEY, project.value());
    }
    return JobRequest.of(JobRequest.EMAIL_QUEUE, TYPE, data);
  }
}
