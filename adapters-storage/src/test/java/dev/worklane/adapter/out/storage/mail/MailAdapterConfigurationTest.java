package dev.worklane.adapter.out.storage.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.storage.mail.MailAdapterSettings.Transport;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class MailAdapterConfigurationTest {
  static final SmtpSettings SMTP =
      new SmtpSettings("smtp.example.com", 587, null, null, null, null, null);

  @Test
  void theTransportChoosesTheMailer() {
    MailAdapterConfiguration configuration = new MailAdapterConfiguration();

    assertThat(
            configuration.mailer(
                MailAdapterSettings.files("no-reply@example.com", Path.of("/var/worklane")),
                Clock.systemUTC()))
        .isInstanceOfSatisfying(
            FileMailerAdapter.class,
            mailer ->
                assertThat(mailer.fileOf("job-1"))
                    .isEqualTo(Path.of("/var/worklane/mail/job-1.eml")));
    assertThat(
            configuration.mailer(
                MailAdapterSettings.smtp("no-reply@example.com", SMTP), Clock.systemUTC()))
        .isInstanceOf(SmtpMailerAdapter.class);
  }

  @Test
  void namedFactoriesFillTheDefaults() {
    assertThat(MailAdapterSettings.filesIn("a@example.com", Path.of("/srv/mail")))
        .isEqualTo(
            new MailAdapterSettings(Transport.FILE, "a@example.com", null, Path.of("/srv/mail")));
    SmtpSettings smtp =
        SmtpSettings.withDefaultTimeouts(
            "smtp.example.com", 465, "u", "p", SmtpSettings.Security.SSL);
    assertThat(smtp.connectTimeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    assertThat(smtp.readTimeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.SSL);
  }

  @Test
  void eachTransportNeedsItsSettings() {
    assertThatThrownBy(() -> new MailAdapterSettings(Transport.SMTP, "a@example.com", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailAdapterSettings(Transport.FILE, "a@example.com", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailAdapterSettings(Transport.FILE, " ", null, Path.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
