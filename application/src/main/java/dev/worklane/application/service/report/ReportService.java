package dev.worklane.application.service.report;

import dev.worklane.application.job.ReportJobs;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.report.ReportUseCase;
import dev.worklane.application.port.in.report.ReportView;
import dev.worklane.application.port.in.report.RequestReportCommand;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.project.ProjectAccess;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.user.Permission;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reports: a request commits the QUEUED report and its {@code report.generate} job together (the
 * outbox), so a report never waits for a job that was not written, nor a job for a report that
 * rolled back. Reading signs a fresh download URL each time; after its retention a report is gone
 * (404) even before the sweeper removed it.
 */
public final class ReportService implements ReportUseCase {
  private final ReportRepository reports;
  private final ProjectAccess access;
  private final ObjectStorage storage;
  private final Jobs jobs;
  private final Transactions transactions;
  private final ReportSettings settings;
  private final Clock clock;

  public ReportService(
      ReportRepository reports,
      ProjectRepository projects,
      Cache cache,
      ObjectStorage storage,
      Jobs jobs,
      Transactions transactions,
      ReportSettings settings,
      Clock clock) {
    this.reports = reports;
    this.access = new ProjectAccess(projects, cache);
    this.storage = storage;
    this.jobs = jobs;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ReportView request(Actor actor, ProjectId projectId, RequestReportCommand command) {
    // Outsiders learn nothing (404) before a member without the permission is refused (403).
    access.visible(actor, projectId);
    actor.require(Permission.REPORT_GENERATE);
    Report report =
        Report.request(
            ReportId.random(),
            projectId,
            actor.userId(),
            command.format(),
            command.filters(),
            clock.instant(),
            settings.retention());
    transactions.inTransaction(
        () -> {
          reports.add(report);
          jobs.enqueue(ReportJobs.generate(report.id()));
        });
    return ReportView.withoutDownload(report);
  }

  @Override
  public ReportView get(Actor actor, ReportId id) {
    Instant now = clock.instant();
    Report report =
        reports.findById(id).filter(r -> !r.isExpired(now)).orElseThrow(ReportService::notFound);
    ProjectAccess.Visible visible;
    try {
      visible = access.visible(actor, report.projectId());
    } catch (NotFoundException e) {
      throw notFound();
    }
    boolean reader =
        report.requestedBy().equals(actor.userId())
            || visible.membership().map(ProjectMember::isOwner).orElse(false)
            || actor.can(Permission.REPORT_GENERATE);
    if (!reader) {
      throw notFound();
    }
    if (!report.isReady()) {
      return ReportView.withoutDownload(report);
    }
    URI url =
        storage.presignGet(
            report.storageKey(),
            ReportSettings.DOWNLOAD_VALIDITY,
            new DownloadDisposition(fileName(visible.project(), report), ReportJobs.CONTENT_TYPE));
    return new ReportView(report, url, now.plus(ReportSettings.DOWNLOAD_VALIDITY));
  }

  /** {@code ABC-tasks-2026-12-06.csv}: the project key and the day it was requested (UTC). */
  static String fileName(Project project, Report report) {
    return project.key().value()
        + "-tasks-"
        + report.createdAt().atOffset(ZoneOffset.UTC).toLocalDate()
        + ".csv";
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Report");
  }
}
