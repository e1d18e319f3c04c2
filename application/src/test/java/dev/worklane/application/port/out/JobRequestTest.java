package dev.worklane.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRequestTest {

  @Test
  void theQueuesAreTheThreeOfTheSpec() {
    assertThat(JobRequest.QUEUES).containsExactly("default", "email", "high-priority");
    for (String queue : JobRequest.QUEUES) {
      assertThat(JobRequest.of(queue, "report.generate", Map.of()).queue()).isEqualTo(queue);
    }
  }

  @Test
  void anUnknownQueueIsRejected() {
    for (String queue : new String[] {"emails", "Email", "", "low-priority"}) {
      assertThatThrownBy(() -> JobRequest.of(queue, "email.send", Map.of()))
          .as("queue %s", queue)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown queue");
    }
  }

  @Test
  void typesAreDottedLowerCaseWords() {
    for (String type :
        new String[] {"email.send", "attachment.process", "report.generate", "a", "a1.b-c.d"}) {
      assertThat(JobRequest.of("default", type, Map.of()).type()).isEqualTo(type);
    }
    for (String type :
        new String[] {
          "Email.send", "email..send", ".email", "email.", "1email", "email send", "email.-x", ""
        }) {
      assertThatThrownBy(() -> JobRequest.of("default", type, Map.of()))
          .as("type %s", type)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("job type");
    }
    assertThatThrownBy(() -> JobRequest.of("default", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(JobRequest.of("default", "a".repeat(100), Map.of()).type()).hasSize(100);
    assertThatThrownBy(() -> JobRequest.of("default", "a".repeat(101), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePayloadIsCopiedAndImmutable() {
    Map<String, String> data = new HashMap<>(Map.of("to", "ada@example.com"));
    JobRequest request = JobRequest.of("email", "email.send", data);

    data.put("to", "mallory@example.com");
    data.put("extra", "x");

    assertThat(request.payload()).containsExactly(Map.entry("to", "ada@example.com"));
    assertThatThrownBy(() -> request.payload().put("to", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> JobRequest.of("email", "email.send", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void missingOptionsAreTheDefaults() {
    assertThat(JobRequest.of("default", "report.generate", Map.of()).options())
        .isEqualTo(JobOptions.defaults());
    assertThat(new JobRequest("default", "report.generate", Map.of(), null).options())
        .isEqualTo(JobOptions.defaults());
  }

  @Test
  void withReplacesTheOptionsOnly() {
    JobRequest request = JobRequest.of("email", "email.send", Map.of("to", "a@b.c"));
    JobOptions urgent = JobOptions.defaults().withPriority(1).withAttempts(5);

    JobRequest changed = request.with(urgent);

    assertThat(changed)
        .isEqualTo(new JobRequest("email", "email.send", Map.of("to", "a@b.c"), urgent));
    assertThat(request.options()).isEqualTo(JobOptions.defaults());
  }

  @Test
  void secretKeysStartWithTheSecretPrefix() {
    assertThat(JobRequest.isSecret("secret.token")).isTrue();
    assertThat(JobRequest.isSecret("secret.")).isTrue();
    assertThat(JobRequest.isSecret("token")).isFalse();
    assertThat(JobRequest.isSecret("secret")).isFalse();
    assertThat(JobRequest.isSecret("my.secret.token")).isFalse();
  }

  @Test
  void secretValuesNeverShowInTheTextForm() {
    JobRequest request =
        JobRequest.of(
            "email",
            "email.send",
            Map.of("to", "ada@example.com", "secret.token", "raw-reset-token"));
    OutboxJob outboxed =
        new OutboxJob("job-1", request, "req-1", Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(request.toString())
        .doesNotContain("raw-reset-token")
        .contains("secret.token=****")
        .contains("to=ada@example.com")
        .contains("email.send");
    assertThat(outboxed.toString()).doesNotContain("raw-reset-token");
  }
}
