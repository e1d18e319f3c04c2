package dev.worklane.adapter.in.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.JobSummary;
import dev.worklane.application.port.model.queue.QueueOverview;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueAdminWebMapperTest {
  static final Instant CREATED = Instant.parse("2026-12-01T20:00:00Z");

  @Test
  void listsEveryStateInLifeOrderWithZeroForMissingCounts() {
    QueueResponse queue =
        QueueAdminWebMapper.toResponse(
            new QueueOverview("email", true, 4, Map.of(JobState.FAILED, 2L, JobState.WAITING, 7L)));

    assertThat(queue.name()).isEqualTo("email");
    assertThat(queue.paused()).isTrue();
    assertThat(queue.concurrency()).isEqualTo(4);
    assertThat(queue.counts())
        .containsExactly(
            Map.entry("waiting", 7L),
            Map.entry("delayed", 0L),
            Map.entry("active", 0L),
            Map.entry("completed", 0L),
            Map.entry("failed", 2L));
  }

  @Test
  void flattensTheDetailsWithStateLabelsAndMilliseconds() {
    JobSummary summary =
        new JobSummary(
            "welcome:42",
            "email",
            "email.send",
            JobState.FAILED,
            0,
            1,
            1,
            40,
            CREATED,
            null,
            CREATED.plusSeconds(3),
            "SMTP down");
    JobDetails details =
        new JobDetails(
            summary,
            Map.of("to", "a@example.com", "secret.token", "[redacted]"),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            "req-1",
            List.of("connecting", "failed"),
            "java.io.IOException: SMTP down\n\tat …");

    JobDetailsResponse response = QueueAdminWebMapper.toResponse(details);

    assertThat(response.id()).isEqualTo("welcome:42");
    assertThat(response.state()).isEqualTo("failed");
    assertThat(response.attemptsMade()).isEqualTo(1);
    assertThat(response.progress()).isEqualTo(40);
    assertThat(response.finishedAt()).isEqualTo(CREATED.plusSeconds(3));
    assertThat(response.data()).containsEntry("secret.token", "[redacted]");
    assertThat(response.timeoutMillis()).isEqualTo(30_000);
    assertThat(response.backoffMillis()).isEqualTo(5_000);
    assertThat(response.logs()).containsExactly("connecting", "failed");
    assertThat(response.stacktrace()).startsWith("java.io.IOException");
    assertThat(QueueAdminWebMapper.toResponse(summary).state()).isEqualTo("failed");
  }
}
