package dev.worklane.application.job;

import dev.worklane.application.port.out.JobRequest;
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

  private EmailJobs() {}

  /**
   * Carries no text the registrant chose: anyone can register any address, so a display name in the
   * body would be a stranger's words sent from our address.
   */
  public static JobRequest welcome(String to) {
    return JobRequest.of(JobRequest.EMAIL_QUEUE, TYPE, Map.of(TEMPLATE, WELCOME, TO, to));
  }
}
