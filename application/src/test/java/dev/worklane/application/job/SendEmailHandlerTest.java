package dev.worklane.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.Mailer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendEmailHandlerTest {
  static final String URL = "https://worklane.example.com";
  final RecordingMailer mailer = new RecordingMailer();

  static final class RecordingMailer implements Mailer {
    final List<EmailMessage> sent = new ArrayList<>();

    @Override
    public void send(EmailMessage message) {
      sent.add(message);
    }
  }

  static RecordingJob jobOf(String id, JobRequest request) {
    return new RecordingJob(id, request.type(), request.payload());
  }

  @Test
  void handlesEmailSendJobs() {
    assertThat(new SendEmailHandler(mailer, URL).type()).isEqualTo("email.send");
  }

  @Test
  void theWelcomeEmailPointsAtTheSignIn() {
    RecordingJob job = jobOf("job-1", EmailJobs.welcome("ada@example.com"));

    new SendEmailHandler(mailer, URL).handle(job);

    EmailMessage message = mailer.sent.getFirst();
    assertThat(mailer.sent).hasSize(1);
    assertThat(message.id()).isEqualTo("job-1");
    assertThat(message.to()).isEqualTo("ada@example.com");
    assertThat(message.subject()).isEqualTo("Welcome to Worklane");
    assertThat(message.text())
        .startsWith("Hello,\n")
        // auth is v1-only: the sign-in is POST /api/v1/auth/login (there is no /api/v2 login)
        .contains(URL + "/api/v1/auth/login")
        .doesNotContain("/api/v2");
    assertThat(job.progress).containsExactly(100);
    assertThat(job.logs).containsExactly("sending welcome email");
  }

  @Test
  void theWelcomeEmailCarriesNoTextTheRegistrantChose() {
    // Anyone can register any address: a display name in the body would be their text, sent to a
    // stranger from our sender. A welcome job queued before this change still carries a name.
    String phishing = "Ada. Your account is locked, verify at https://evil.example";
    RecordingJob job =
        new RecordingJob(
            "job-1", "email.send", Map.of("template", "welcome", "to", "a@b.co", "name", phishing));

    new SendEmailHandler(mailer, URL).handle(job);

    assertThat(mailer.sent.getFirst().text()).doesNotContain("evil.example").doesNotContain("Ada");
    assertThat(mailer.sent.getFirst().subject()).isEqualTo("Welcome to Worklane");
  }

  @Test
  void theResetEmailCarriesTheTokenTheConfirmUrlAndTheValidity() {
    String token = "tok_ABCdef-123";
    RecordingJob job =
        jobOf("job-7", EmailJobs.passwordReset("ada@example.com", token, Duration.ofMinutes(45)));

    new SendEmailHandler(mailer, URL).handle(job);

    EmailMessage message = mailer.sent.getFirst();
    assertThat(message.id()).isEqualTo("job-7");
    assertThat(message.to()).isEqualTo("ada@example.com");
    assertThat(message.subject()).isEqualTo("Reset your Worklane password");
    assertThat(message.text())
        .contains("Your reset token: " + token + "\n")
        .contains("POST " + URL + "/api/v1/auth/password-reset/confirm")
        .contains("within 45 minutes");
    assertThat(job.progress).containsExactly(100);
    // the log is shown on the dashboard: never the token
    assertThat(job.logs).containsExactly("sending password-reset email");
    assertThat(String.join("\n", job.logs)).doesNotContain(token);
  }

  @Test
  void theResetEmailSaysSixtyMinutesWhenTheJobDoesNotSay() {
    RecordingJob job =
        new RecordingJob(
            "job-7",
            "email.send",
            Map.of("template", "password-reset", "to", "a@b.co", "secret.token", "t"));

    new SendEmailHandler(mailer, URL).handle(job);

    assertThat(mailer.sent.getFirst().text()).contains("within 60 minutes");
  }

  @Test
  void aTrailingSlashOnThePublicUrlIsDropped() {
    new SendEmailHandler(mailer, URL + "/")
        .handle(jobOf("j", EmailJobs.passwordReset("a@b.co", "t", Duration.ofHours(1))));
    new SendEmailHandler(mailer, URL + "/").handle(jobOf("k", EmailJobs.welcome("a@b.co")));

    assertThat(mailer.sent)
        .allSatisfy(
            m ->
                assertThat(m.text())
                    .contains(URL + "/api/v1/auth/")
                    .doesNotContain(URL + "//")
                    .doesNotContain(".com/ "));
  }

  @Test
  void aJobWithoutARequiredFieldFailsForGoodAndSendsNothing() {
    Map<String, String> reset =
        Map.of("template", "password-reset", "to", "a@b.co", "secret.token", "t");
    for (String missing : List.of("template", "to", "secret.token")) {
      Map<String, String> payload = new HashMap<>(reset);
      payload.remove(missing);
      RecordingJob job = new RecordingJob("j", "email.send", payload);

      assertThatThrownBy(() -> new SendEmailHandler(mailer, URL).handle(job))
          .as("without %s", missing)
          .isInstanceOf(PermanentJobFailure.class)
          .hasMessageContaining(missing);
      assertThat(job.progress).isEmpty();
    }
    Map<String, String> blank = new HashMap<>(reset);
    blank.put("to", "  ");
    assertThatThrownBy(
            () -> new SendEmailHandler(mailer, URL).handle(new RecordingJob("j", "t", blank)))
        .isInstanceOf(PermanentJobFailure.class);
    assertThat(mailer.sent).isEmpty();
  }

  @Test
  void anUnknownTemplateFailsForGood() {
    RecordingJob job =
        new RecordingJob("j", "email.send", Map.of("template", "newsletter", "to", "a@b.co"));

    assertThatThrownBy(() -> new SendEmailHandler(mailer, URL).handle(job))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("template");
    assertThat(mailer.sent).isEmpty();
    assertThat(job.progress).isEmpty();
  }

  @Test
  void aMailerFailureFailsTheAttemptWithoutReportingProgress() {
    RuntimeException down = new RuntimeException("smtp down");
    RecordingJob job = jobOf("j", EmailJobs.welcome("a@b.co"));

    assertThatThrownBy(
            () ->
                new SendEmailHandler(
                        m -> {
                          throw down;
                        },
                        URL)
                    .handle(job))
        .isSameAs(down)
        .isNotInstanceOf(PermanentJobFailure.class);
    assertThat(job.progress).isEmpty();
  }

  @Test
  void emailJobsGoToTheEmailQueueWithTheTokenUnderASecretKey() {
    JobRequest welcome = EmailJobs.welcome("ada@example.com");
    assertThat(welcome.queue()).isEqualTo("email");
    assertThat(welcome.type()).isEqualTo("email.send");
    assertThat(welcome.payload())
        .containsExactlyInAnyOrderEntriesOf(Map.of("template", "welcome", "to", "ada@example.com"));

    JobRequest reset = EmailJobs.passwordReset("ada@example.com", "tok", Duration.ofHours(1));
    assertThat(reset.queue()).isEqualTo("email");
    assertThat(reset.type()).isEqualTo("email.send");
    assertThat(reset.payload())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "template", "password-reset",
                "to", "ada@example.com",
                "secret.token", "tok",
                "validMinutes", "60"));
    assertThat(
            reset.payload().entrySet().stream()
                .filter(e -> e.getValue().equals("tok"))
                .map(Map.Entry::getKey))
        .allMatch(JobRequest::isSecret);
  }
}
