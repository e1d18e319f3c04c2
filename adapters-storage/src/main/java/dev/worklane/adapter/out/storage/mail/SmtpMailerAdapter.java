package dev.worklane.adapter.out.storage.mail;

import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.Mailer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@link Mailer} through an SMTP server, with Spring's {@link JavaMailSenderImpl} on Jakarta Mail
 * (Angus). One connection per message: mail goes out from the {@code email} queue's workers, a few
 * at a time, so a pool would buy nothing. Short timeouts: a hung server fails the attempt, and the
 * job is retried later, instead of holding a worker.
 *
 * <p>Failures propagate as Spring's {@code MailException} (the job is retried), except a recipient
 * the server refuses for good (5xx), which is a {@link PermanentJobFailure}. Neither the password
 * nor the message text ever reaches a log line or an exception message from here.
 */
public class SmtpMailerAdapter implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailerAdapter.class);

  private final JavaMailSenderImpl sender;
  private final InternetAddress from;
  private final Clock clock;

  public SmtpMailerAdapter(SmtpSettings settings, String from, Clock clock) {
    this(sender(settings), from, clock);
  }

  SmtpMailerAdapter(JavaMailSenderImpl sender, String from, Clock clock) {
    this.sender = sender;
    this.from = MailMessages.sender(from);
    this.clock = clock;
  }

  @Override
  public void send(EmailMessage message) {
    MimeMessage mime = MailMessages.compose(sender.getSession(), message, from, clock.instant());
    try {
      sender.send(mime);
    } catch (MailSendException e) {
      if (recipientRefusedForGood(e)) {
        throw new PermanentJobFailure("the SMTP server refused the recipient permanently", e);
      }
      throw e;
    }
    LOG.debug("mail_sent id={}", message.id());
  }

  private static boolean recipientRefusedForGood(MailSendException e) {
    for (Exception failure : e.getFailedMessages().values()) {
      for (Throwable cause = failure; cause != null; cause = nextOf(cause)) {
        if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
          return true;
        }
      }
    }
    return false;
  }

  /** Jakarta Mail chains through {@code getNextException} as well as the cause. */
  private static Throwable nextOf(Throwable cause) {
    if (cause instanceof jakarta.mail.MessagingException messaging
        && messaging.getNextException() != null
        && messaging.getNextException() != cause) {
      return messaging.getNextException();
    }
    return cause.getCause() == cause ? null : cause.getCause();
  }

  static JavaMailSenderImpl sender(SmtpSettings settings) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.host());
    sender.setPort(settings.port());
    sender.setProtocol("smtp");
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    if (settings.authenticates()) {
      sender.setUsername(settings.username());
      sender.setPassword(settings.password());
    }
    sender.setJavaMailProperties(sessionProperties(settings));
    return sender;
  }

  /** The Jakarta Mail session properties for {@code settings}; never the password. */
  static Properties sessionProperties(SmtpSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
    properties.setProperty(
        "mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
    properties.setProperty(
        "mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
    switch (settings.security()) {
      case NONE -> {}
      case STARTTLS -> {
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        properties.setProperty("mail.smtp.ssl.enable", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
    }
    return properties;
  }
}
