package dev.worklane.adapter.out.persistence.report;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFailure;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReportRepository} must do, whatever stores it. Expiry tests use instants far
 * from every other test's, so tests may share one store.
 */
abstract class ReportRepositoryContract {
  static final Duration RETENTION = Duration.ofDays(7);

  protected abstract ReportRepository reports();

  protected abstract ProjectRepository projects();

  protected abstract UserId existingUser();

  Report aReport(Instant at) {
    UserId requester = existingUser();
    ProjectId project = projects().add(aProject(requester, T1)).id();
    return Report.request(
        ReportId.random(), project, requester, ReportFormat.CSV, null, at, RETENTION);
  }

  @Test
  void anAddedReportIsFoundWithEveryFieldToTheMicrosecond() {
    UserId requester = existingUser();
    UserId assignee = existingUser();
    ProjectId project = projects().add(aProject(requester, T1)).id();
    Report report =
        Report.request(
            ReportId.random(),
            project,
            requester,
            ReportFormat.CSV,
            new ReportFilters(TaskStatus.IN_PROGRESS, assignee),
            T1,
            RETENTION);

    assertThat(reports().add(report)).isEqualTo(report);
    assertThat(reports().findById(report.id())).contains(report);
  }

  @Test
  void findAnswersEmptyForAnUnknownReport() {
    assertThat(reports().findById(ReportId.random())).isEmpty();
  }

  @Test
  void updateStoresEachTransition() {
    Report queued = reports().add(aReport(T1));

    Report running = queued.start().progressTo(37);
    assertThat(reports().update(running)).isTrue();
    assertThat(reports().findById(queued.id())).contains(running);

    Report ready =
        running.complete(
            Report.keyFor(queued.id()), 100_000, 12_345_678, T1.plusSeconds(9), RETENTION);
    assertThat(reports().update(ready)).isTrue();
    assertThat(reports().findById(queued.id())).contains(ready);

    Report failed =
        reports()
            .add(aReport(T1))
            .start()
            .fail(ReportFailure.STORAGE_UNAVAILABLE, T1.plusSeconds(5), RETENTION);
    assertThat(reports().update(failed)).isTrue();
    assertThat(reports().findById(failed.id())).contains(failed);
  }

  @Test
  void updatingARemovedReportAnswersFalse() {
    Report report = aReport(T1);

    assertThat(reports().update(report.start())).isFalse();
    assertThat(reports().findById(report.id())).isEmpty();
  }

  @Test
  void findExpiredAnswersThoseExpiredByNowOldestFirstUpToTheLimit() {
    Instant base = Instant.parse("2031-03-01T00:00:00Z");
    Report oldest = reports().add(aReport(base.minusSeconds(30)));
    Report older = reports().add(aReport(base.minusSeconds(20)));
    Report atNow = reports().add(aReport(base));
    Report notYet = reports().add(aReport(base.plusMillis(1)));
    Instant now = base.plus(RETENTION);

    List<Report> expired = reports().findExpired(now, 100);

    assertThat(expired).containsSubsequence(oldest, older, atNow).doesNotContain(notYet);
    assertThat(expired).isSortedAccordingTo(java.util.Comparator.comparing(Report::expiresAt));
    assertThat(reports().findExpired(now, 2)).hasSize(2);
  }

  @Test
  void deleteRemovesTheReportAndAMissingOneIsNoError() {
    Report report = reports().add(aReport(T1));

    reports().delete(report.id());
    reports().delete(report.id());

    assertThat(reports().findById(report.id())).isEmpty();
  }
}
