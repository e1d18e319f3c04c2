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
  static final String NAME = "name";

  static final String WELCOME = "welcome";

  private EmailJobs() {}

  public static JobRequest welcome(String to, String displayName) {
    return JobRequest.of(
        JobRequest.EMAIL_QUEUE, TYPE, Map.of(TEMPLATE, WELCOME, TO, to, NAME, displayName));
  }
}
