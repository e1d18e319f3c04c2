package dev.worklane.application.job;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.Mailer;
import java.util.Map;

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
          default -> throw new PermanentJobFailure("unknown email template");
        };
    job.log("sending " + data.get(EmailJobs.TEMPLATE) + " email");
    mailer.send(message);
    job.progress(100);
  }

  private static String required(Map<String, String> data, String key) {
    String value = data.get(key);
    if (value == null || value.isBlank()) {
      throw new PermanentJobFailure("email job without " + key);
    }
    return value;
  }
}
