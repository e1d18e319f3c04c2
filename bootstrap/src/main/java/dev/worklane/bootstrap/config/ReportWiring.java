package dev.worklane.bootstrap.config;

import dev.worklane.adapter.out.storage.metrics.MicrometerReportMetricsAdapter;
import dev.worklane.application.job.GenerateReportHandler;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportMetrics;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.job.JobRelay;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.report.ReportRetention;
import dev.worklane.application.service.report.ReportService;
import dev.worklane.application.service.report.ReportSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reports: the use cases, the {@code report.generate} handler the {@code default} queue's workers
 * run, and the retention sweep ({@code worklane.report.*}).
 */
@Configuration(proxyBeanMethods = false)
public class ReportWiring {

  @Bean
  ReportMetrics reportMetrics(MeterRegistry registry) {
    return new MicrometerReportMetricsAdapter(registry);
  }

  @Bean
  ReportSettings reportSettings(WorklaneProperties properties) {
    return new ReportSettings(properties.report().retention());
  }

  @Bean
  ReportService reportService(
      ReportRepository reports,
      ProjectRepository projects,
      Cache cache,
      ObjectStorage storage,
      Jobs jobs,
      Transactions transactions,
      ReportSettings settings,
      Clock clock) {
    return new ReportService(
        reports, projects, cache, storage, jobs, transactions, settings, clock);
  }

  @Bean
  GenerateReportHandler generateReportHandler(
      ReportRepository reports,
      ProjectRepository projects,
      TaskRepository tasks,
      ProfileRepository profiles,
      UserRepository users,
      ObjectStorage storage,
      JobQueue queue,
      Transactions transactions,
      JobRelay jobRelay,
      ReportMetrics metrics,
      ReportSettings settings,
      Clock clock) {
    return new GenerateReportHandler(
        reports,
        projects,
        tasks,
        profiles,
        users,
        storage,
        queue,
        transactions,
        jobRelay::nudge,
        metrics,
        settings.retention(),
        clock);
  }

  @Bean
  ReportRetention reportRetention(
      ReportRepository reports, ObjectStorage storage, ReportMetrics metrics, Clock clock) {
    return new ReportRetention(reports, storage, metrics, clock);
  }

  /** Removes expired reports, object then row; an outage is retried at the next tick. */
  @Bean
  PeriodicTask reportRetentionSweep(ReportRetention retention, WorklaneProperties properties) {
    return new PeriodicTask(
        "report-retention", properties.report().sweepInterval(), retention::sweep);
  }
}
