package dev.worklane.bootstrap.e2e;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file mailer's directory ({@code <data-dir>/mail}, the embedded default) read back as real
 * messages: what a user of the embedded default would open in a mail client.
 */
final class Mailbox {
  private static final Pattern RESET_TOKEN = Pattern.compile("Your reset token: (\\S+)");
  private final Path directory;

  Mailbox(Path dataDir) {
    this.directory = dataDir.resolve("mail");
  }

  /** A message to {@code to}. */
  record Mail(String to, String subject, String text, String messageId, Path file) {}

  List<Mail> to(String address) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".eml"))
          .map(Mailbox::read)
          .flatMap(Optional::stream)
          .filter(m -> m.to().equalsIgnoreCase(address))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the {@code count}-th message with this subject to {@code address}. */
  List<Mail> awaitMail(String address, String subject, int count) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> to(address).stream().filter(m -> m.subject().equals(subject)).toList(),
            mails -> mails.size() >= count);
  }

  static String resetToken(Mail mail) {
    Matcher matcher = RESET_TOKEN.matcher(mail.text());
    if (!matcher.find()) {
      throw new AssertionError("no reset token in " + mail.subject());
    }
    return matcher.group(1);
  }

  private static Optional<Mail> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      return Optional.of(
          new Mail(
              message.getAllRecipients()[0].toString(),
              message.getSubject(),
              message.getContent().toString(),
              message.getMessageID(),
              file));
    } catch (IOException | jakarta.mail.MessagingException e) {
      return Optional.empty(); // a file being replaced right now; the next poll reads it
    }
  }
}
