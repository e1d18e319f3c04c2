package dev.worklane.adapter.out.storage.mail;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Mailer} that delivers into a directory, one RFC 5322 {@code .eml} file per message (
 * {@code $WORKLANE_DATA_DIR/mail/} on the embedded default), which any mail client opens.
 *
 * <p>Idempotent: the file is named after the message id (see {@link MailMessages#safeId}), so a
 * retried job overwrites its own file instead of adding one. Each file is written to a temporary
 * file in the same directory and moved into place atomically: a reader never sees half a message,
 * and a crash leaves at most a {@code .tmp} file behind.
 */
public class FileMailerAdapter implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(FileMailerAdapter.class);

  static final String EXTENSION = ".eml";

  private final Path directory;
  private final InternetAddress from;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  public FileMailerAdapter(Path directory, String from, Clock clock) {
    this.directory = directory.toAbsolutePath().normalize();
    this.from = MailMessages.sender(from);
    this.clock = clock;
  }

  /** Where the message with this id is (or would be) written. */
  public Path fileOf(String messageId) {
    Path file = directory.resolve(MailMessages.safeId(messageId) + EXTENSION).normalize();
    if (!directory.equals(file.getParent())) {
      // Unreachable with safeId's alphabet; kept so a future change cannot write elsewhere.
      throw new IllegalStateException("a mail file must stay in the mail directory");
    }
    return file;
  }

  @Override
  public void send(EmailMessage message) {
    Path target = fileOf(message.id());
    var mime = MailMessages.compose(session, message, from, clock.instant());
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, ".mail-", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        mime.writeTo(out);
      }
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mail file " + target.getFileName(), e);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot write the mail file " + target.getFileName(), e);
    } finally {
      deleteQuietly(temp);
    }
    LOG.info("mail_written id={} file={}", message.id(), target);
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort: a stray .tmp file is harmless and never read as mail
      }
    }
  }
}
