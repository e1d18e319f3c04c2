package dev.worklane.adapter.out.storage.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.port.out.EmailMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local "outbox" mailer: real .eml files in a directory. */
class FileMailerAdapterTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

  @TempDir Path root;

  private Path mailDir() {
    return root.resolve("data").resolve("mail");
  }

  private FileMailerAdapter mailer() {
    return new FileMailerAdapter(
        mailDir(), "Worklane <no-reply@example.com>", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static MimeMessage parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private List<Path> filesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void writesOneParseableEmlFilePerMessageCreatingTheDirectory() throws Exception {
    EmailMessage message =
        new EmailMessage(
            "job-1", "Zoë <zoe@example.com>", "Grüße — “welcome”", "Hallo Zoë,\n\nline 2 🚀\n");

    mailer().send(message);

    Path file = mailDir().resolve("job-1.eml");
    assertThat(filesIn(root)).containsExactly(file);
    MimeMessage parsed = parse(file);
    assertThat(parsed.getSubject()).isEqualTo("Grüße — “welcome”");
    String raw = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw).as("RFC 5322 line ends").contains("\r\n");
    assertThat(raw.lines().filter(line -> line.startsWith("To:")).findFirst().orElseThrow())
        .as("a non-ASCII display name is an encoded word")
        .matches("To: =\\?UTF-8\\?[BQ]\\?.*\\?= <zoe@example.com>");
    assertThat(((String) parsed.getContent()).replace("\r\n", "\n"))
        .isEqualTo("Hallo Zoë,\n\nline 2 🚀\n");
    assertThat(parsed.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("utf-8");
    assertThat(parsed.getFrom()[0].toString()).isEqualTo("Worklane <no-reply@example.com>");
    assertThat((jakarta.mail.internet.InternetAddress) parsed.getAllRecipients()[0])
        .extracting("personal", "address")
        .containsExactly("Zoë", "zoe@example.com");
    assertThat(parsed.getMessageID()).isEqualTo("<job-1@example.com>");
    assertThat(parsed.getSentDate()).isEqualTo(Date.from(NOW));
    assertThat(parsed.getHeader("Auto-Submitted")).containsExactly("auto-generated");
  }

  @Test
  void aRetriedMessageOverwritesItsFile() throws Exception {
    FileMailerAdapter mailer = mailer();
    mailer.send(new EmailMessage("job-2", "a@example.com", "first", "first try"));
    mailer.send(new EmailMessage("job-2", "a@example.com", "second", "second try"));

    assertThat(filesIn(root)).containsExactly(mailDir().resolve("job-2.eml"));
    assertThat(parse(mailDir().resolve("job-2.eml")).getSubject()).isEqualTo("second");
  }

  @Test
  void hostileIdsCannotLeaveTheDirectory() throws Exception {
    FileMailerAdapter mailer = mailer();
    List<String> hostile =
        List.of("../../escaped", "/tmp/escaped", "..", ".", "a/../../b", "..\\..\\c", "x\0y");

    for (String id : hostile) {
      mailer.send(new EmailMessage(id, "a@example.com", "s", "t"));
    }

    List<Path> files = filesIn(root);
    assertThat(files).hasSize(hostile.size()).allMatch(f -> f.getParent().equals(mailDir()));
    for (String id : hostile) {
      assertThat(mailer.fileOf(id).getParent()).isEqualTo(mailDir().toAbsolutePath());
    }
  }

  @Test
  void mailFilesAreReadableByTheOwnerOnlyForTheyMayCarryResetTokens() throws Exception {
    mailer().send(new EmailMessage("job-3", "a@example.com", "Reset", "token: abc"));

    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(mailDir().resolve("job-3.eml")))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void anInvalidRecipientFailsTheJobForGoodAndWritesNothing() throws Exception {
    assertThatThrownBy(() -> mailer().send(new EmailMessage("job-4", "not an address", "s", "t")))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageNotContaining("not an address");

    assertThat(Files.exists(mailDir().resolve("job-4.eml"))).isFalse();
  }

  @Test
  void anUnwritableDirectoryFailsTheAttemptSoTheJobIsRetried() throws Exception {
    Files.writeString(root.resolve("data"), "a file where the directory should be");

    assertThatThrownBy(() -> mailer().send(new EmailMessage("job-5", "a@example.com", "s", "t")))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .isNotInstanceOf(PermanentJobFailure.class);
  }
}
