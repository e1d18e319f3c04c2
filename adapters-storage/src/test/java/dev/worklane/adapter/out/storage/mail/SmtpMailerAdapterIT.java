package dev.worklane.adapter.out.storage.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.worklane.adapter.out.storage.mail.SmtpSettings.Security;
import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.port.out.EmailMessage;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;

/** The SMTP mailer against a real SMTP server (GreenMail, in-process, on a free port). */
class SmtpMailerAdapterIT {
  static final String USER = "worklane-mailer";
  static final String PASSWORD = "pw-Never-Logged-7731";
  static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD))
          .withPerMethodLifecycle(true);

  private static SmtpSettings settings(String username, String password, int port) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        username,
        password,
        Security.NONE,
        Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  private static SmtpMailerAdapter mailer(String username, String password) {
    return new SmtpMailerAdapter(
        settings(username, password, SMTP.getSmtp().getPort()),
        "Worklane <no-reply@example.com>",
        CLOCK);
  }

  @Test
  void deliversAUtf8PlainTextMessageWithItsMessageIdAndDate() throws Exception {
    EmailMessage message =
        new EmailMessage(
            "4b8f0f3e-1c1f-4a55-9d43-0b5c3f7f2a10",
            "Zoë <zoe@example.com>",
            "Grüße — “welcome” to Worklane",
            "Hallo Zoë,\n\nyour account is ready 🚀\nline 3\n");

    mailer(null, null).send(message);

    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = SMTP.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Grüße — “welcome” to Worklane");
    // GreenMail keeps the final line end as part of the DATA terminator.
    assertThat(((String) received.getContent()).replace("\r\n", "\n").stripTrailing())
        .isEqualTo("Hallo Zoë,\n\nyour account is ready 🚀\nline 3");
    assertThat(received.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("utf-8");
    assertThat(received.getFrom()[0].toString()).isEqualTo("Worklane <no-reply@example.com>");
    assertThat((jakarta.mail.internet.InternetAddress) received.getAllRecipients()[0])
        .extracting("personal", "address")
        .containsExactly("Zoë", "zoe@example.com");
    assertThat(received.getHeader("To")[0])
        .as("encoded word, not raw UTF-8")
        .startsWith("=?UTF-8?");
    assertThat(received.getMessageID())
        .isEqualTo("<4b8f0f3e-1c1f-4a55-9d43-0b5c3f7f2a10@example.com>");
    assertThat(received.getSentDate()).isEqualTo(Date.from(NOW));
  }

  @Test
  void aRetriedSendIsRecognisablyTheSameMessage() throws Exception {
    SmtpMailerAdapter mailer = mailer(null, null);
    EmailMessage message = new EmailMessage("welcome:42", "a@example.com", "Hi", "text");

    mailer.send(message);
    mailer.send(message);

    assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
    assertThat(SMTP.getReceivedMessages())
        .extracting(MimeMessage::getMessageID)
        .containsExactly("<welcome_3A42@example.com>", "<welcome_3A42@example.com>");
  }

  @Test
  void authenticatesWithTheConfiguredUser() throws Exception {
    mailer(USER, PASSWORD).send(new EmailMessage("job-auth", "a@example.com", "Hi", "text"));

    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
  }

  @Test
  void aWrongPasswordFailsWithoutRevealingIt() {
    String wrong = "wrong-Secret-9912";

    assertThatThrownBy(
            () ->
                mailer(USER, wrong)
                    .send(new EmailMessage("job-bad-auth", "a@example.com", "Hi", "text")))
        .isInstanceOf(MailAuthenticationException.class)
        .satisfies(e -> assertThat(everyMessageOf(e)).doesNotContain(wrong, PASSWORD));
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerThatIsDownFailsTheAttemptSoTheJobIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmtpMailerAdapter down =
        new SmtpMailerAdapter(settings(USER, PASSWORD, closedPort), "no-reply@example.com", CLOCK);

    assertThatThrownBy(
            () -> down.send(new EmailMessage("job-down", "a@example.com", "Reset", "token-xyz")))
        .isInstanceOf(MailException.class)
        .isNotInstanceOf(PermanentJobFailure.class)
        .satisfies(e -> assertThat(everyMessageOf(e)).doesNotContain(PASSWORD, "token-xyz"));
  }

  private static String everyMessageOf(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}
