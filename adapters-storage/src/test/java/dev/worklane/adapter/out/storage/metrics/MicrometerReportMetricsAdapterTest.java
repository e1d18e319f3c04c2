package dev.worklane.adapter.out.storage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.report.ReportStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerReportMetricsAdapterTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MicrometerReportMetricsAdapter metrics = new MicrometerReportMetricsAdapter(registry);

  @Test
  void everyMeterExistsAtZeroBeforeTheFirstReport() {
    assertThat(registry.get("worklane.reports.generated").tag("outcome", "ready").counter().count())
        .isZero();
    assertThat(
            registry.get("worklane.reports.generated").tag("outcome", "failed").counter().count())
        .isZero();
    assertThat(registry.get("worklane.reports.expired").counter().count()).isZero();
  }

  @Test
  void countsOutcomesTimesGenerationsAndSumsRowsOfReadyReports() {
    metrics.generated(ReportStatus.READY, Duration.ofSeconds(3), 100_000);
    metrics.generated(ReportStatus.READY, Duration.ofSeconds(1), 10);
    metrics.generated(ReportStatus.FAILED, Duration.ofMillis(500), 0);
    metrics.expired(4);

    assertThat(registry.get("worklane.reports.generated").tag("outcome", "ready").counter().count())
        .isEqualTo(2);
    assertThat(
            registry.get("worklane.reports.generated").tag("outcome", "failed").counter().count())
        .isEqualTo(1);
    var ready = registry.get("worklane.reports.generation").tag("outcome", "ready").timer();
    assertThat(ready.count()).isEqualTo(2);
    assertThat(ready.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4_000);
    assertThat(registry.get("worklane.reports.rows").summary().totalAmount()).isEqualTo(100_010);
    assertThat(registry.get("worklane.reports.rows").summary().count()).isEqualTo(2);
    assertThat(registry.get("worklane.reports.expired").counter().count()).isEqualTo(4);
  }

  @Test
  void onlyAnEndIsAnOutcome() {
    assertThatThrownBy(() -> metrics.generated(ReportStatus.RUNNING, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
