package dev.worklane.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.Mailer;
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
  void aTrailingSlashOnThePublicUrlIsDropped() {
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
    Map<String, String> welcome = Map.of("template", "welcome", "to", "a@b.co");
    for (String missing : List.of("template", "to")) {
      Map<String, String> payload = new HashMap<>(welcome);
      payload.remove(missing);
      RecordingJob job = new RecordingJob("j", "email.send", payload);

      assertThatThrownBy(() -> new SendEmailHandler(mailer, URL).handle(job))
          .as("without %s", missing)
          .isInstanceOf(PermanentJobFailure.class)
          .hasMessageContaining(missing);
      assertThat(job.progress).isEmpty();
    }
    Map<String, String> blank = new HashMap<>(welcome);
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
  void emailJobsGoToTheEmailQueue() {
    JobRequest welcome = EmailJobs.welcome("ada@example.com");
    assertThat(welcome.queue()).isEqualTo("email");
    assertThat(welcome.type()).isEqualTo("email.send");
    assertThat(welcome.payload())
        .containsExactlyInAnyOrderEntriesOf(Map.of("template", "welcome", "to", "ada@example.com"));
  }

  /** Reset emails are sent by the job that mints the token (SecretEmails), never queued here. */
  @Test
  void theResetTemplateIsNoLongerAnEmailJob() {
    RecordingJob job =
        new RecordingJob(
            "j",
            "email.send",
            Map.of("template", "password-reset", "to", "a@b.co", "secret.token", "t"));

    assertThatThrownBy(() -> new SendEmailHandler(mailer, URL).handle(job))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("template");
    assertThat(mailer.sent).isEmpty();
  }
}
