package dev.worklane.application.job;

import dev.worklane.application.port.out.JobRequest;
import java.time.Duration;
import java.util.Map;

/**
 * The emails Worklane sends, as {@code email.send} jobs on the {@code email} queue (* never inline
 * in a request). The job carries the template name and its values, not the rendered text, so a
 * secret (the reset token) lives under a {@code secret.} key that every view redacts.
 */
public final class EmailJobs {
  public static final String TYPE = "email.send";

  static final String TEMPLATE = "template";
  static final String TO = "to";
  static final String TOKEN = JobRequest.SECRET_PREFIX + "token";
  static final String VALID_MINUTES = "validMinutes";

  static final String WELCOME = "welcome";
  static final String PASSWORD_RESET = "password-reset";

  private EmailJobs() {}

  /**
   * Carries no text the registrant chose: anyone can register any address, so a display name in the
   * body would be a stranger's words sent from our address.
   */
  public static JobRequest welcome(String to) {
    return JobRequest.of(JobRequest.EMAIL_QUEUE, TYPE, Map.of(TEMPLATE, WELCOME, TO, to));
  }

  public static JobRequest passwordReset(String to, String token, Duration validity) {
    return JobRequest.of(
        JobRequest.EMAIL_QUEUE,
        TYPE,
        Map.of(
            TEMPLATE,
            PASSWORD_RESET,
            TO,
            to,
            TOKEN,
            token,
            VALID_MINUTES,
            Long.toString(validity.toMinutes())));
  }
}
