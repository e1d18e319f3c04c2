package dev.worklane.adapter.out.storage.mail;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the mail adapter needs, mapped from configuration by bootstrap.
 *
 * @param transport which {@code Mailer} to build
 * @param from the sender address of every message, e.g. {@code Worklane <no-reply@example.com>}
 * @param smtp the SMTP server; required when {@code transport} is {@link Transport#SMTP}
 * @param directory where {@code .eml} files go; required when {@code transport} is {@link
 *     Transport#FILE} (by default {@code $WORKLANE_DATA_DIR/mail})
 */
public record MailAdapterSettings(
    Transport transport, String from, SmtpSettings smtp, Path directory) {

  /** How mail leaves this instance. */
  public enum Transport {
    /** Through an SMTP server ({@link SmtpMailerAdapter}). */
    SMTP,
    /** Into {@code .eml} files on local disk ({@link FileMailerAdapter}). */
    FILE
  }

  public MailAdapterSettings {
    Objects.requireNonNull(transport, "transport");
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("the mail sender address (from) is required");
    }
    if (transport == Transport.SMTP && smtp == null) {
      throw new IllegalArgumentException("the SMTP transport needs SMTP settings");
    }
    if (transport == Transport.FILE && directory == null) {
      throw new IllegalArgumentException("the file transport needs a directory");
    }
  }

  /** Files under {@code dataDirectory/mail}, the embedded default. */
  public static MailAdapterSettings files(String from, Path dataDirectory) {
    return new MailAdapterSettings(Transport.FILE, from, null, dataDirectory.resolve("mail"));
  }

  /** Files under a directory of one's choice ({@code WORKLANE_MAIL_DIR}). */
  public static MailAdapterSettings filesIn(String from, Path directory) {
    return new MailAdapterSettings(Transport.FILE, from, null, directory);
  }

  public static MailAdapterSettings smtp(String from, SmtpSettings smtp) {
    return new MailAdapterSettings(Transport.SMTP, from, smtp, null);
  }
}
