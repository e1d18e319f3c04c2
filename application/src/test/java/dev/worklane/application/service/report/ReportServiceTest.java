package dev.worklane.application.service.report;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.report.ReportView;
import dev.worklane.application.port.in.report.RequestReportCommand;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.RecordingJobQueue;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.report.ReportStatus;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ReportServiceTest {
  static final Instant NOW = Instant.parse("2026-12-06T09:30:00Z");
  static final Duration RETENTION = Duration.ofDays(7);

  @Mock ReportRepository reports;
  @Mock ProjectRepository projects;
  @Mock Cache cache;
  @Mock ObjectStorage storage;
  final RecordingJobQueue queue = new RecordingJobQueue();
  final DirectTransactions transactions = new DirectTransactions();

  final Actor manager = new Actor(UserId.random(), Set.of(Role.MANAGER));
  final Actor otherManager = new Actor(UserId.random(), Set.of(Role.MANAGER));
  final Actor member = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor owner = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor outsiderManager = new Actor(UserId.random(), Set.of(Role.MANAGER));
  final Actor admin = new Actor(UserId.random(), Set.of(Role.ADMIN));
  final Project project =
      Project.create(ProjectId.random(), new ProjectKey("ABC"), "Alpha", null, owner.userId(), T0);
  final RequestReportCommand command =
      new RequestReportCommand(ReportFormat.CSV, new ReportFilters(TaskStatus.DONE, null));

  ReportService service() {
    return service(NOW);
  }

  ReportService service(Instant now) {
    return new ReportService(
        reports,
        projects,
        cache,
        storage,
        queue.jobs(transactions),
        transactions,
        new ReportSettings(RETENTION),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @BeforeEach
  void world() {
    lenient().when(cache.get(any(), any())).thenReturn(Cache.Lookup.miss(0));
    lenient().when(projects.findById(project.id())).thenReturn(Optional.of(project));
    member(manager, ProjectRole.MEMBER);
    member(otherManager, ProjectRole.MEMBER);
    member(member, ProjectRole.MEMBER);
    member(owner, ProjectRole.OWNER);
    lenient()
        .when(projects.findMember(eq(project.id()), eq(outsiderManager.userId())))
        .thenReturn(Optional.empty());
    lenient()
        .when(projects.findMember(eq(project.id()), eq(admin.userId())))
        .thenReturn(Optional.empty());
  }

  void member(Actor actor, ProjectRole role) {
    lenient()
        .when(projects.findMember(project.id(), actor.userId()))
        .thenReturn(Optional.of(new ProjectMember(project.id(), actor.userId(), role, T0)));
  }

  @Test
  void aManagerMemberQueuesAReportAndItsJobInOneTransaction() {
    ReportView view = service().request(manager, project.id(), command);

    Report report = view.report();
    assertThat(report.status()).isEqualTo(ReportStatus.QUEUED);
    assertThat(report.requestedBy()).isEqualTo(manager.userId());
    assertThat(report.projectId()).isEqualTo(project.id());
    assertThat(report.filters().status()).isEqualTo(TaskStatus.DONE);
    assertThat(report.createdAt()).isEqualTo(NOW);
    assertThat(report.expiresAt()).isEqualTo(NOW.plus(RETENTION));
    assertThat(view.downloadUrl()).isNull();
    verify(reports).add(report);
    assertThat(transactions.opened()).isEqualTo(1);
    assertThat(queue.requests()).hasSize(1);
    var job = queue.requests().getFirst();
    assertThat(job.type()).isEqualTo("report.generate");
    assertThat(job.queue()).isEqualTo("default");
    assertThat(job.payload())
        .containsExactly(java.util.Map.entry("reportId", report.id().toString()));
    assertThat(job.options().idempotencyKey()).isEqualTo("report-" + report.id());
    assertThat(job.options().timeout()).isGreaterThan(Duration.ofMinutes(1));
  }

  @Test
  void anAdminQueuesAReportOfAnyProject() {
    assertThat(service().request(admin, project.id(), command).report().requestedBy())
        .isEqualTo(admin.userId());
  }

  @Test
  void aMemberWithoutTheManagerRoleIsForbidden() {
    assertThatThrownBy(() -> service().request(member, project.id(), command))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> service().request(owner, project.id(), command))
        .as("owning a project does not grant report:generate")
        .isInstanceOf(ForbiddenException.class);
    verify(reports, never()).add(any());
    assertThat(queue.requests()).isEmpty();
  }

  @Test
  void aManagerOutsideTheProjectDoesNotLearnThatItExists() {
    assertThatThrownBy(() -> service().request(outsiderManager, project.id(), command))
        .isInstanceOf(NotFoundException.class);
    assertThat(queue.requests()).isEmpty();
  }

  @Test
  void aReportNeedsAFormat() {
    assertThatThrownBy(() -> new RequestReportCommand(null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(new RequestReportCommand(ReportFormat.CSV, null).filters())
        .isEqualTo(ReportFilters.none());
  }

  Report stored(Report report) {
    lenient().when(reports.findById(report.id())).thenReturn(Optional.of(report));
    return report;
  }

  Report queuedBy(Actor actor) {
    return stored(
        Report.request(
            ReportId.random(),
            project.id(),
            actor.userId(),
            ReportFormat.CSV,
            null,
            NOW.minusSeconds(60),
            RETENTION));
  }

  Report readyBy(Actor actor) {
    Report queued =
        Report.request(
            ReportId.random(),
            project.id(),
            actor.userId(),
            ReportFormat.CSV,
            null,
            Instant.parse("2026-12-05T23:59:00Z"),
            RETENTION);
    return stored(
        queued
            .start()
            .complete(Report.keyFor(queued.id()), 2, 200, NOW.minusSeconds(30), RETENTION));
  }

  @Test
  void aQueuedReportIsShownWithoutADownloadUrl() {
    Report report = queuedBy(manager);

    ReportView view = service().get(manager, report.id());

    assertThat(view.report()).isEqualTo(report);
    assertThat(view.downloadUrl()).isNull();
    assertThat(view.downloadExpiresAt()).isNull();
    verifyNoInteractions(storage);
  }

  @Test
  void aReadyReportComesWithAnHourLongSignedUrlServedAsAttachmentCsvNamedForTheProject() {
    Report report = readyBy(manager);
    URI signed = URI.create("https://files.example/reports/x?sig=abc");
    when(storage.presignGet(eq(report.storageKey()), eq(Duration.ofHours(1)), any()))
        .thenReturn(signed);

    ReportView view = service().get(manager, report.id());

    assertThat(view.downloadUrl()).isEqualTo(signed);
    assertThat(view.downloadExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    ArgumentCaptor<DownloadDisposition> disposition =
        ArgumentCaptor.forClass(DownloadDisposition.class);
    verify(storage).presignGet(eq(report.storageKey()), any(), disposition.capture());
    assertThat(disposition.getValue())
        .isEqualTo(new DownloadDisposition("ABC-tasks-2026-12-05.csv", "text/csv; charset=utf-8"));
  }

  @Test
  void theOwnerOtherManagersOfTheProjectAndAdminsReadSomeoneElsesReport() {
    Report report = queuedBy(manager);
    for (Actor reader : new Actor[] {owner, otherManager, admin}) {
      assertThat(service().get(reader, report.id()).report().id()).isEqualTo(report.id());
    }
  }

  @Test
  void aPlainMemberReadsOnlyTheirOwnReportAndOutsidersNone() {
    Report report = queuedBy(manager);
    assertThatThrownBy(() -> service().get(member, report.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Report not found");
    assertThatThrownBy(() -> service().get(outsiderManager, report.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Report not found");
    Report own = queuedBy(member);
    assertThat(service().get(member, own.id()).report()).isEqualTo(own);
  }

  @Test
  void aRequesterWhoLeftTheProjectNoLongerReadsTheirReport() {
    Report report = queuedBy(manager);
    when(projects.findMember(project.id(), manager.userId())).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service().get(manager, report.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anExpiredReportIsGoneEvenBeforeTheSweeperRemovedIt() {
    Report report = readyBy(manager);

    assertThatThrownBy(() -> service(report.expiresAt()).get(manager, report.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(service(report.expiresAt().minusMillis(1)).get(manager, report.id()).report())
        .isEqualTo(report);
  }

  @Test
  void anUnknownReportIsNotFound() {
    ReportId unknown = ReportId.random();
    when(reports.findById(unknown)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service().get(admin, unknown)).isInstanceOf(NotFoundException.class);
  }
}
