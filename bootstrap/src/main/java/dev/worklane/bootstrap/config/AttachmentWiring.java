package dev.worklane.bootstrap.config;

import dev.worklane.application.job.ProcessAttachmentHandler;
import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ContentSniffer;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.attachment.AttachmentService;
import dev.worklane.application.service.attachment.AttachmentSettings;
import dev.worklane.application.service.attachment.AttachmentSweeper;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.domain.attachment.AttachmentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task attachments: the use case, the {@code attachment.process} job handler, the sweeper that
 * leaves no object without its row (and no stale row), and the {@code worklane.attachments} gauge.
 */
@Configuration(proxyBeanMethods = false)
public class AttachmentWiring {
  private static final Logger LOG = LoggerFactory.getLogger(AttachmentWiring.class);

  /** How often the gauge's count query runs: one query per instance, never per request. */
  static final Duration COUNT_INTERVAL = Duration.ofSeconds(30);

  @Bean
  AttachmentSettings attachmentSettings(WorklaneProperties properties) {
    WorklaneProperties.Attachments attachments = properties.attachments();
    return new AttachmentSettings(
        attachments.policy(),
        AttachmentSettings.DEFAULT_DOWNLOAD_VALIDITY,
        attachments.orphanGrace(),
        attachments.pendingLimit(),
        attachments.archivedRetention());
  }

  @Bean
  AttachmentService attachmentService(
      AttachmentRepository attachments,
      TaskRepository tasks,
      ProjectRepository projects,
      Cache cache,
      ObjectStorage storage,
      Jobs jobs,
      Transactions transactions,
      AttachmentSettings settings,
      Clock clock) {
    return new AttachmentService(
        attachments, tasks, projects, cache, storage, jobs, transactions, settings, clock);
  }

  @Bean
  ProcessAttachmentHandler processAttachmentHandler(
      AttachmentRepository attachments,
      ObjectStorage storage,
      ContentSniffer sniffer,
      Transactions transactions,
      AttachmentSettings settings) {
    return new ProcessAttachmentHandler(
        attachments, storage, sniffer, transactions, settings.policy());
  }

  @Bean
  AttachmentSweeper attachmentSweeper(
      AttachmentRepository attachments,
      ObjectStorage storage,
      Transactions transactions,
      AttachmentSettings settings,
      Clock clock) {
    return new AttachmentSweeper(attachments, storage, transactions, settings, clock);
  }

  @Bean
  PeriodicTask attachmentSweep(AttachmentSweeper sweeper, WorklaneProperties properties) {
    return new PeriodicTask(
        "attachment-sweep",
        properties.attachments().sweepInterval(),
        () -> {
          AttachmentSweeper.Sweep sweep = sweeper.sweep();
          if (sweep.orphanObjects() + sweep.stuckPending() + sweep.archived() > 0) {
            LOG.info(
                "attachment_sweep orphan_objects={} stuck_pending={} archived={}",
                sweep.orphanObjects(),
                sweep.stuckPending(),
                sweep.archived());
          }
        });
  }

  @Bean
  AttachmentCounts attachmentCounts(AttachmentRepository attachments) {
    return new AttachmentCounts(attachments);
  }

  @Bean
  PeriodicTask attachmentCount(AttachmentCounts counts) {
    return new PeriodicTask("attachment-count", COUNT_INTERVAL, counts::refresh);
  }

  /** {@code worklane.attachments{status}}: rows per status as of the last count. */
  @Bean
  MeterBinder attachmentMeters(AttachmentCounts counts) {
    return registry -> {
      for (AttachmentStatus status : AttachmentStatus.values()) {
        Gauge.builder("worklane.attachments", counts, c -> c.of(status))
            .tag("status", status.name())
            .description(
                "attachments by status, counted every " + COUNT_INTERVAL.toSeconds() + " s")
            .register(registry);
      }
    };
  }

  /** The last per-status count, refreshed every {@link #COUNT_INTERVAL} (zero before the first). */
  static final class AttachmentCounts {
    private final AttachmentRepository attachments;
    private final Map<AttachmentStatus, AtomicLong> counts = new EnumMap<>(AttachmentStatus.class);

    AttachmentCounts(AttachmentRepository attachments) {
      this.attachments = attachments;
      for (AttachmentStatus status : AttachmentStatus.values()) {
        counts.put(status, new AtomicLong());
      }
    }

    void refresh() {
      attachments.countByStatus().forEach((status, n) -> counts.get(status).set(n));
    }

    double of(AttachmentStatus status) {
      return counts.get(status).get();
    }
  }
}
