package dev.worklane.adapter.out.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

  @Test
  void theBuilderStartsFromTheDefaults() {
    QueueSettings settings = QueueSettings.builder().build();

    assertThat(settings).isEqualTo(QueueSettings.defaults());
    assertThat(settings.workersEnabled()).isTrue();
    assertThat(settings.concurrency()).isEqualTo(QueueSettings.DEFAULT_CONCURRENCY);
    assertThat(settings.completedRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.keepsFailedForever()).isTrue();
    assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.leaseGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.logLinesPerJob()).isEqualTo(1000);
  }

  @Test
  void namedSettingsOverrideOnlyThemselves() {
    QueueSettings settings =
        QueueSettings.builder()
            .workersEnabled(false)
            .concurrency(Map.of("email", 2))
            .completedRetention(Duration.ZERO)
            .failedRetention(Duration.ofDays(7))
            .shutdownGrace(Duration.ofSeconds(3))
            .stalledCheckInterval(Duration.ofMillis(200))
            .leaseGrace(Duration.ofSeconds(1))
            .sweepInterval(Duration.ofSeconds(5))
            .metricsRefresh(Duration.ofSeconds(2))
            .idlePoll(Duration.ofMillis(50))
            .logLinesPerJob(10)
            .build();

    assertThat(settings.workersEnabled()).isFalse();
    assertThat(settings.concurrencyOf("email")).isEqualTo(2);
    assertThat(settings.concurrencyOf("high-priority")).isEqualTo(10);
    assertThat(settings.completedRetention()).isZero();
    assertThat(settings.failedRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.stalledCheckInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.leaseGrace()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.metricsRefresh()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.idlePoll()).isEqualTo(Duration.ofMillis(50));
    assertThat(settings.logLinesPerJob()).isEqualTo(10);
    assertThat(settings.withWorkersEnabled(true).workersEnabled()).isTrue();
  }

  @Test
  void refusesAnUnknownQueueAndANegativeRetention() {
    assertThatThrownBy(() -> QueueSettings.builder().concurrency(Map.of("nope", 1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> QueueSettings.builder().completedRetention(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
