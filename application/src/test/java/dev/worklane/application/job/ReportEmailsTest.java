package dev.worklane.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.report.ReportFailure;
import dev.worklane.domain.report.ReportId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report emails of {@link SendEmailHandler}, queued by the report job. */
class ReportEmailsTest {
  static final String URL = "https://worklane.example.com";
  final SendEmailHandlerTest.RecordingMailer mailer = new SendEmailHandlerTest.RecordingMailer();
  final ReportId report = ReportId.random();

  EmailMessage send(Map<String, String> payload) {
    new SendEmailHandler(mailer, URL).handle(new RecordingJob("mail-1", EmailJobs.TYPE, payload));
    return mailer.sent.getLast();
  }

  @Test
  void theReadyEmailLinksToTheReportNotToTheExpiringSignedUrl() {
    EmailMessage message =
        send(
            EmailJobs.reportReady(
                    "ada@example.com",
                    report,
                    new ProjectKey("ABC"),
                    Instant.parse("2026-12-13T09:30:00Z"))
                .payload());

    assertThat(message.id()).isEqualTo("mail-1");
    assertThat(message.to()).isEqualTo("ada@example.com");
    assertThat(message.subject()).isEqualTo("Your Worklane report is ready");
    assertThat(message.text())
        .contains("project ABC")
        .contains(URL + "/api/v2/reports/" + report)
        .contains("2026-12-13T09:30:00Z")
        .doesNotContain("sig=")
        .doesNotContain("expires=");
  }

  @Test
  void theFailedEmailGivesTheFixedReason() {
    EmailMessage message =
        send(
            EmailJobs.reportFailed(
                    "ada@example.com",
                    report,
                    new ProjectKey("ABC"),
                    ReportFailure.STORAGE_UNAVAILABLE)
                .payload());

    assertThat(message.subject()).isEqualTo("Your Worklane report could not be generated");
    assertThat(message.text())
        .contains("project ABC")
        .contains(ReportFailure.STORAGE_UNAVAILABLE.reason())
        .contains(URL + "/api/v2/reports/" + report);
  }

  @Test
  void theFailedEmailOfAProjectThatIsGoneNamesNoProject() {
    EmailMessage message =
        send(
            EmailJobs.reportFailed("ada@example.com", report, null, ReportFailure.PROJECT_GONE)
                .payload());

    assertThat(message.text())
        .doesNotContain("of project")
        .contains(ReportFailure.PROJECT_GONE.reason());
  }

  @Test
  void tamperedJobDataNeverReachesTheText() {
    Map<String, String> ready =
        new HashMap<>(
            EmailJobs.reportReady("a@b.co", report, new ProjectKey("ABC"), Instant.EPOCH)
                .payload());
    ready.put("projectKey", "ABC. Verify your account at https://evil.example");
    assertThatThrownBy(() -> send(ready)).isInstanceOf(PermanentJobFailure.class);

    Map<String, String> badId = new HashMap<>(ready);
    badId.put("projectKey", "ABC");
    badId.put("reportId", "x/../../login");
    assertThatThrownBy(() -> send(badId)).isInstanceOf(PermanentJobFailure.class);

    Map<String, String> badExpiry = new HashMap<>(ready);
    badExpiry.put("projectKey", "ABC");
    badExpiry.put("expiresAt", "tomorrow");
    assertThatThrownBy(() -> send(badExpiry)).isInstanceOf(PermanentJobFailure.class);

    Map<String, String> failed =
        new HashMap<>(
            EmailJobs.reportFailed("a@b.co", report, null, ReportFailure.TIMED_OUT).payload());
    failed.put("failure", "Your password expired, reset it at https://evil.example");
    assertThatThrownBy(() -> send(failed)).isInstanceOf(PermanentJobFailure.class);
    assertThat(mailer.sent).isEmpty();
  }
}
