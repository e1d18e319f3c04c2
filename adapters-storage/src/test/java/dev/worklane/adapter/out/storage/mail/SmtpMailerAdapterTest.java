package dev.worklane.adapter.out.storage.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.worklane.adapter.out.storage.mail.SmtpSettings.Security;
import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.port.out.EmailMessage;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailerAdapterTest {
  static final EmailMessage MESSAGE = new EmailMessage("job-1", "a@example.com", "s", "t");

  private static SmtpSettings settings(Security security) {
    return new SmtpSettings("smtp.example.com", 587, "user", "pw-secret", security, null, null);
  }

  @Test
  void startTlsIsRequiredNotOpportunistic() {
    Properties properties = SmtpMailerAdapter.sessionProperties(settings(Security.STARTTLS));

    assertThat(properties)
        .containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.timeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "10000")
        .doesNotContainKey("mail.smtp.ssl.enable");
    assertThat(properties.values()).doesNotContain("pw-secret");
  }

  @Test
  void sslSpeaksTlsFromTheFirstByte() {
    assertThat(SmtpMailerAdapter.sessionProperties(settings(Security.SSL)))
        .containsEntry("mail.smtp.ssl.enable", "true")
        .doesNotContainKey("mail.smtp.starttls.enable");
  }

  @Test
  void withoutAUserNameThereIsNoAuthentication() {
    SmtpSettings anonymous =
        new SmtpSettings("localhost", 25, " ", null, Security.NONE, null, Duration.ofSeconds(3));

    assertThat(anonymous.authenticates()).isFalse();
    assertThat(SmtpMailerAdapter.sessionProperties(anonymous))
        .containsEntry("mail.smtp.auth", "false")
        .containsEntry("mail.smtp.timeout", "3000")
        .doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.ssl.enable");
    JavaMailSenderImpl sender = SmtpMailerAdapter.sender(anonymous);
    assertThat(sender.getUsername()).isNull();
    assertThat(sender.getPassword()).isNull();
  }

  @Test
  void settingsNeverPrintThePasswordAndRefuseNonsense() {
    assertThat(settings(Security.STARTTLS).toString())
        .doesNotContain("pw-secret")
        .contains("<hidden>");
    assertThat(settings(null).security()).isEqualTo(Security.STARTTLS);
    assertThatThrownBy(() -> new SmtpSettings(" ", 25, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmtpSettings("h", 0, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmtpSettings("h", 25, null, null, null, Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRecipientRefusedForGoodFailsTheJobPermanently() throws Exception {
    JavaMailSenderImpl sender = refusing(550);

    assertThatThrownBy(
            () ->
                new SmtpMailerAdapter(sender, "no-reply@example.com", Clock.systemUTC())
                    .send(MESSAGE))
        .isInstanceOf(PermanentJobFailure.class);
  }

  @Test
  void aRecipientRefusedForNowIsRetried() throws Exception {
    JavaMailSenderImpl sender = refusing(450);

    assertThatThrownBy(
            () ->
                new SmtpMailerAdapter(sender, "no-reply@example.com", Clock.systemUTC())
                    .send(MESSAGE))
        .isInstanceOf(MailSendException.class);
  }

  private static JavaMailSenderImpl refusing(int code) throws Exception {
    JavaMailSenderImpl sender = mock(JavaMailSenderImpl.class);
    when(sender.getSession()).thenReturn(Session.getInstance(new Properties()));
    InternetAddress to = new InternetAddress("a@example.com");
    SendFailedException failed =
        new SendFailedException(
            "Invalid Addresses",
            new SMTPAddressFailedException(to, "RCPT TO", code, code + " mailbox unavailable"),
            new InternetAddress[0],
            new InternetAddress[0],
            new InternetAddress[] {to});
    doThrow(new MailSendException(Map.of(new Object(), failed)))
        .when(sender)
        .send(any(MimeMessage.class));
    return sender;
  }
}
