package dev.worklane.application.job;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.Mailer;
import java.time.Duration;

/**
 * Emails that carry a one-time secret: the password-reset token today, an email-verification link
 * next. Such an email is never queued as an {@code email.send} job, whose data the queue keeps
 * after it ran (and the outbox before): the job that mints the secret sends it through the {@link
 * Mailer} in the same attempt, so the secret lives only in memory and in the message, and only its
 * hash is stored. A failed attempt is retried by minting a fresh secret that supersedes the one the
 * failed attempt may have delivered.
 */
public final class SecretEmails {
  private final Mailer mailer;
  private final String publicUrl;

  /**
   * @param publicUrl where users reach this Worklane, e.g. {@code https://worklane.example.com}
   */
  public SecretEmails(Mailer mailer, String publicUrl) {
    this.mailer = mailer;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Sends the reset email of this attempt of {@code job}; throws when the mailer does. */
  public void sendPasswordReset(Job job, String to, String token, Duration validity) {
    mailer.send(
        new EmailMessage(
            messageId(job),
            to,
            "Reset your Worklane password",
            "Somebody asked to reset the password of this Worklane account.\n\n"
                + "Your reset token: "
                + token
                + "\n\nSend it with your new password to POST "
                + publicUrl
                + "/api/v1/auth/password-reset/confirm within "
                + validity.toMinutes()
                + " minutes. It works once.\n"
                + "If you did not ask for this, ignore this email: your password stays"
                + " as it is.\n\nThe Worklane team\n"));
  }

  /**
   * One message id per attempt: a retry carries another secret, so a receiver that de-duplicates on
   * Message-ID must not drop it as a copy of the first.
   */
  static String messageId(Job job) {
    return job.id() + "-" + job.attempt();
  }
}
