package dev.worklane.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
  final JobOptions defaults = JobOptions.defaults();

  @Test
  void theDefaultsAreThreeAttemptsFiveSecondBackoffThirtySecondTimeoutNoDelayPriorityZero() {
    assertThat(defaults.attempts()).isEqualTo(3);
    assertThat(defaults.backoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.delay()).isEqualTo(Duration.ZERO);
    assertThat(defaults.priority()).isZero();
    assertThat(defaults.idempotencyKey()).isNull();
  }

  @Test
  void retryDelaysTripleFromTheBackoff() {
    assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.retryDelay(2)).isEqualTo(Duration.ofSeconds(15));
    assertThat(defaults.retryDelay(3)).isEqualTo(Duration.ofSeconds(45));
    assertThat(defaults.retryDelay(4)).isEqualTo(Duration.ofSeconds(135));
    assertThat(defaults.withBackoff(Duration.ofMillis(200)).retryDelay(2))
        .isEqualTo(Duration.ofMillis(600));
    assertThat(defaults.withBackoff(Duration.ZERO).retryDelay(5)).isZero();
  }

  @Test
  void retryDelaysAreCappedAtOneDay() {
    // 5 s × 3^9 = 98 415 s, more than a day
    assertThat(defaults.retryDelay(10)).isEqualTo(Duration.ofDays(1));
    assertThat(defaults.retryDelay(100)).isEqualTo(Duration.ofDays(1));
    assertThat(defaults.retryDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
    assertThat(defaults.withBackoff(Duration.ofDays(3)).retryDelay(1))
        .isEqualTo(Duration.ofDays(1));
    // just below the cap is not rounded up
    assertThat(defaults.retryDelay(9)).isEqualTo(Duration.ofSeconds(5L * 6561));
  }

  @Test
  void retriesAreOneBased() {
    assertThatThrownBy(() -> defaults.retryDelay(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.retryDelay(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attemptsAreBetweenOneAndOneHundred() {
    assertThat(defaults.withAttempts(1).attempts()).isEqualTo(1);
    assertThat(defaults.withAttempts(100).attempts()).isEqualTo(100);
    assertThatThrownBy(() -> defaults.withAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempts");
    assertThatThrownBy(() -> defaults.withAttempts(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backoffAndDelayMayBeZeroButNotNegativeOrMissing() {
    assertThat(defaults.withBackoff(Duration.ZERO).backoff()).isZero();
    assertThat(defaults.withDelay(Duration.ZERO).delay()).isZero();
    assertThatThrownBy(() -> defaults.withBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff");
    assertThatThrownBy(() -> defaults.withBackoff(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay");
    assertThatThrownBy(() -> defaults.withDelay(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTimeoutMustBePositive() {
    assertThat(defaults.withTimeout(Duration.ofMillis(1)).timeout())
        .isEqualTo(Duration.ofMillis(1));
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withTimeout(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void priorityIsBetweenZeroAndTheBullMqMaximum() {
    assertThat(defaults.withPriority(JobOptions.MAX_PRIORITY).priority()).isEqualTo(2_097_152);
    assertThatThrownBy(() -> defaults.withPriority(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority");
    assertThatThrownBy(() -> defaults.withPriority(JobOptions.MAX_PRIORITY + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIdempotencyKeyHasOneToTwoHundredPrintableCharacters() {
    assertThat(defaults.withIdempotencyKey("report-42").idempotencyKey()).isEqualTo("report-42");
    assertThat(defaults.withIdempotencyKey("k".repeat(200)).idempotencyKey()).hasSize(200);
    assertThat(defaults.withIdempotencyKey("clé unique").idempotencyKey()).isEqualTo("clé unique");
    for (String bad : new String[] {"", "   ", "k".repeat(201), "a\nb", "a\tb", "a\u007fb"}) {
      assertThatThrownBy(() -> defaults.withIdempotencyKey(bad))
          .as("key %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("idempotencyKey");
    }
  }

  @Test
  void eachWitherChangesOnlyItsOwnComponent() {
    JobOptions base =
        new JobOptions(
            7, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(4), 3, "key");

    assertThat(base.withAttempts(8))
        .isEqualTo(
            new JobOptions(
                8, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(4), 3, "key"));
    assertThat(base.withBackoff(Duration.ofSeconds(1)))
        .isEqualTo(
            new JobOptions(
                7, Duration.ofSeconds(1), Duration.ofSeconds(9), Duration.ofSeconds(4), 3, "key"));
    assertThat(base.withTimeout(Duration.ofSeconds(1)))
        .isEqualTo(
            new JobOptions(
                7, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(4), 3, "key"));
    assertThat(base.withDelay(Duration.ofSeconds(1)))
        .isEqualTo(
            new JobOptions(
                7, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(1), 3, "key"));
    assertThat(base.withPriority(1))
        .isEqualTo(
            new JobOptions(
                7, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(4), 1, "key"));
    assertThat(base.withIdempotencyKey(null))
        .isEqualTo(
            new JobOptions(
                7, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(4), 3, null));
    // the original is untouched
    assertThat(base.attempts()).isEqualTo(7);
    assertThat(base.idempotencyKey()).isEqualTo("key");
  }
}
