package dev.worklane.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.out.EmailMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretEmailsTest {
  static final String URL = "https://worklane.example.com";
  final List<EmailMessage> sent = new ArrayList<>();

  @Test
  void theResetEmailCarriesTheTokenTheConfirmUrlAndTheValidity() {
    String token = "tok_ABCdef-123";
    RecordingJob job = new RecordingJob("job-7", "auth.password-reset", Map.of());

    new SecretEmails(sent::add, URL)
        .sendPasswordReset(job, "ada@example.com", token, Duration.ofMinutes(45));

    EmailMessage message = sent.getFirst();
    assertThat(sent).hasSize(1);
    assertThat(message.to()).isEqualTo("ada@example.com");
    assertThat(message.subject()).isEqualTo("Reset your Worklane password");
    assertThat(message.text())
        .contains("Your reset token: " + token + "\n")
        .contains("POST " + URL + "/api/v1/auth/password-reset/confirm")
        .contains("within 45 minutes")
        .doesNotContain("/api/v2");
    assertThat(job.logs).as("the job log is shown on the dashboard").isEmpty();
  }

  /** A retry carries a fresh token: a receiver de-duplicating on Message-ID must not drop it. */
  @Test
  void everyAttemptIsItsOwnMessage() {
    RecordingJob job = new RecordingJob("job-7", "auth.password-reset", Map.of());

    new SecretEmails(sent::add, URL).sendPasswordReset(job, "a@b.co", "t", Duration.ofHours(1));

    assertThat(sent.getFirst().id()).isEqualTo("job-7-" + job.attempt());
  }

  @Test
  void aTrailingSlashOnThePublicUrlIsDropped() {
    new SecretEmails(sent::add, URL + "/")
        .sendPasswordReset(
            new RecordingJob("j", "auth.password-reset", Map.of()),
            "a@b.co",
            "t",
            Duration.ofHours(1));

    assertThat(sent.getFirst().text()).contains(URL + "/api/v1/auth/").doesNotContain(URL + "//");
  }

  @Test
  void aMailerFailureReachesTheJobSoTheAttemptIsRetried() {
    RuntimeException down = new RuntimeException("smtp down");
    SecretEmails emails =
        new SecretEmails(
            m -> {
              throw down;
            },
            URL);

    assertThatThrownBy(
            () ->
                emails.sendPasswordReset(
                    new RecordingJob("j", "auth.password-reset", Map.of()),
                    "a@b.co",
                    "t",
                    Duration.ofHours(1)))
        .isSameAs(down);
  }
}
