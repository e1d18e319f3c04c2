package dev.worklane.application.port.out;

/**
 * Sends email: SMTP in production, {@code .eml} files under {@code $WORKLANE_DATA_DIR/mail/} on the
 * embedded default. Called only by the {@code email.send} job handler, never inline in a request.
 */
public interface Mailer {

  /** Delivers the message or throws (the job is then retried). */
  void send(EmailMessage message);
}
