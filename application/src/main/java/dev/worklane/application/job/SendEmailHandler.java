package dev.worklane.application.job;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.Mailer;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.report.ReportFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@code email.send}: renders the template named in the job and hands the message to the
 * {@link Mailer}. The message id is the job id, so a retried send is recognisably the same message
 * (the file mailer overwrites it; SMTP receivers can de-duplicate on Message-ID).
 */
public final class SendEmailHandler implements JobHandler {
  private final Mailer mailer;
  private final String publicUrl;

  /**
   * @param publicUrl where users reach this Worklane, e.g. {@code https://worklane.example.com}
   */
  public SendEmailHandler(Mailer mailer, String publicUrl) {
    this.mailer = mailer;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Override
  public String type() {
    return EmailJobs.TYPE;
  }

  @Override
  public void handle(Job job) {
    Map<String, String> data = job.payload();
    String to = required(data, EmailJobs.TO);
    EmailMessage message =
        switch (required(data, EmailJobs.TEMPLATE)) {
          case EmailJobs.WELCOME ->
              new EmailMessage(
                  job.id(),
                  to,
                  "Welcome to Worklane",
                  // Fixed text only (jobs queued earlier may still carry a name: never read).
                  "Hello,\n\nyour Worklane account is ready. Sign in at "
                      + publicUrl
                      + "/api/v1/auth/login with this email address.\n\nThe Worklane team\n");
          case EmailJobs.REPORT_READY ->
              new EmailMessage(
                  job.id(),
                  to,
                  "Your Worklane report is ready",
                  "Hello,\n\nthe report of the tasks of project "
                      + projectKey(data)
                      + " that you asked for is ready. Open\n\n  "
                      + reportUrl(data)
                      + "\n\nsigned in as this account for a download link valid for one hour."
                      + " The report is kept until "
                      + expiry(data)
                      + ".\n\nThe Worklane team\n");
          case EmailJobs.REPORT_FAILED ->
              new EmailMessage(
                  job.id(),
                  to,
                  "Your Worklane report could not be generated",
                  "Hello,\n\nthe report "
                      + (data.containsKey(EmailJobs.PROJECT_KEY)
                          ? "of the tasks of project " + projectKey(data) + " "
                          : "")
                      + "that you asked for could not be generated: "
                      + failure(data).reason()
                      + "\n\nIts status: "
                      + reportUrl(data)
                      + "\n\nThe Worklane team\n");
          default -> throw new PermanentJobFailure("unknown email template");
        };
    job.log("sending " + data.get(EmailJobs.TEMPLATE) + " email");
    mailer.send(message);
    job.progress(100);
  }

  /** Where the requester reads the report (v2, the current version). */
  private String reportUrl(Map<String, String> data) {
    return publicUrl + "/api/v2/reports/" + uuid(required(data, EmailJobs.REPORT_ID));
  }

  /** Only values that pass the checks reach the text: a job's data is not trusted blindly. */
  private static String projectKey(Map<String, String> data) {
    try {
      return new ProjectKey(required(data, EmailJobs.PROJECT_KEY)).value();
    } catch (RuntimeException e) {
      throw new PermanentJobFailure("email job with an invalid project key");
    }
  }

  private static ReportFailure failure(Map<String, String> data) {
    try {
      return ReportFailure.valueOf(required(data, EmailJobs.FAILURE));
    } catch (IllegalArgumentException e) {
      throw new PermanentJobFailure("email job with an unknown report failure");
    }
  }

  private static Instant expiry(Map<String, String> data) {
    try {
      return Instant.parse(required(data, EmailJobs.EXPIRES_AT));
    } catch (DateTimeParseException e) {
      throw new PermanentJobFailure("email job with an invalid expiry");
    }
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new PermanentJobFailure("email job with an invalid report id");
    }
  }

  private static String required(Map<String, String> data, String key) {
    String value = data.get(key);
    if (value == null || value.isBlank()) {
      throw new PermanentJobFailure("email job without " + key);
    }
    return value;
  }
}
