package dev.worklane.adapter.out.storage.metrics;

import dev.worklane.application.port.out.ReportMetrics;
import dev.worklane.domain.report.ReportStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report files' meters: {@code worklane.reports.generated} (counter, {@code outcome=ready|
 * failed}), {@code worklane.reports.generation} (timer of one generation, same tag), {@code
 * worklane.reports.rows} (rows per ready report) and {@code worklane.reports.expired} (reports
 * removed at the end of their retention). Every meter exists from the start, so a dashboard shows
 * zero rather than nothing.
 */
public class MicrometerReportMetricsAdapter implements ReportMetrics {
  private final Map<ReportStatus, Counter> generated = new EnumMap<>(ReportStatus.class);
  private final Map<ReportStatus, Timer> durations = new EnumMap<>(ReportStatus.class);
  private final DistributionSummary rows;
  private final Counter expired;

  public MicrometerReportMetricsAdapter(MeterRegistry registry) {
    for (ReportStatus outcome : new ReportStatus[] {ReportStatus.READY, ReportStatus.FAILED}) {
      String tag = outcome.name().toLowerCase(Locale.ROOT);
      generated.put(
          outcome,
          Counter.builder("worklane.reports.generated")
              .description("reports whose generation ended, by outcome")
              .tag("outcome", tag)
              .register(registry));
      durations.put(
          outcome,
          Timer.builder("worklane.reports.generation")
              .description("time from a report's start to READY or FAILED")
              .tag("outcome", tag)
              .register(registry));
    }
    rows =
        DistributionSummary.builder("worklane.reports.rows")
            .description("task rows in each ready report")
            .baseUnit("rows")
            .register(registry);
    expired =
        Counter.builder("worklane.reports.expired")
            .description("reports removed (object and row) after their retention")
            .register(registry);
  }

  @Override
  public void generated(ReportStatus outcome, Duration took, long rowCount) {
    Counter counter = generated.get(outcome);
    if (counter == null) {
      throw new IllegalArgumentException("a generation ends READY or FAILED, not " + outcome);
    }
    counter.increment();
    durations.get(outcome).record(took);
    if (outcome == ReportStatus.READY) {
      rows.record(rowCount);
    }
  }

  @Override
  public void expired(int count) {
    expired.increment(count);
  }
}
