package dev.worklane.domain.report;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportTest {
  static final Duration RETENTION = Duration.ofDays(7);

  final Report queued =
      Report.request(
          ReportId.random(),
          ProjectId.random(),
          UserId.random(),
          ReportFormat.CSV,
          new ReportFilters(TaskStatus.DONE, null),
          T0,
          RETENTION);

  @Test
  void aRequestedReportIsQueuedAndExpiresAfterTheRetentionEvenIfItNeverRuns() {
    assertThat(queued.status()).isEqualTo(ReportStatus.QUEUED);
    assertThat(queued.progress()).isZero();
    assertThat(queued.storageKey()).isNull();
    assertThat(queued.completedAt()).isNull();
    assertThat(queued.expiresAt()).isEqualTo(T0.plus(RETENTION));
    assertThat(queued.filters().status()).isEqualTo(TaskStatus.DONE);
  }

  @Test
  void aRunningReportReportsProgressThatNeverMovesBackwardsAndIsClamped() {
    Report running = queued.start();
    assertThat(running.status()).isEqualTo(ReportStatus.RUNNING);
    assertThat(running.progressTo(40).progress()).isEqualTo(40);
    assertThat(running.progressTo(40).progressTo(10).progress()).isEqualTo(40);
    assertThat(running.progressTo(250).progress()).isEqualTo(100);
    assertThat(running.progressTo(-5).progress()).isZero();
  }

  @Test
  void completingMakesItReadyWithItsObjectAndCountsAndRestartsTheRetention() {
    String key = Report.keyFor(queued.id());
    Report ready = queued.start().complete(key, 3, 120, T0.plusSeconds(30), RETENTION);
    assertThat(ready.status()).isEqualTo(ReportStatus.READY);
    assertThat(ready.isReady()).isTrue();
    assertThat(ready.progress()).isEqualTo(100);
    assertThat(ready.storageKey()).isEqualTo("reports/" + queued.id() + ".csv");
    assertThat(ready.rowCount()).isEqualTo(3);
    assertThat(ready.sizeBytes()).isEqualTo(120);
    assertThat(ready.completedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(ready.expiresAt()).isEqualTo(T0.plusSeconds(30).plus(RETENTION));
  }

  @Test
  void aFailedReportCarriesTheSafeReasonAndCanBeRestarted() {
    Report failed =
        queued
            .start()
            .progressTo(30)
            .fail(ReportFailure.PROJECT_GONE, T0.plusSeconds(5), RETENTION);
    assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
    assertThat(failed.error()).isEqualTo("The project no longer exists.");
    assertThat(failed.completedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(failed.expiresAt()).isEqualTo(T0.plusSeconds(5).plus(RETENTION));

    Report again = failed.start();
    assertThat(again.status()).isEqualTo(ReportStatus.RUNNING);
    assertThat(again.error()).isNull();
    assertThat(again.completedAt()).isNull();
    assertThat(again.progress()).isZero();
  }

  @Test
  void aReadyReportIsNeverRestartedNorFailed() {
    Report ready = queued.start().complete("reports/x.csv", 0, 3, T0, RETENTION);
    assertThatThrownBy(ready::start).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ready.fail(ReportFailure.INTERNAL_ERROR, T0, RETENTION))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void onlyARunningReportProgressesOrCompletes() {
    assertThatThrownBy(() -> queued.progressTo(10)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> queued.complete("k", 1, 1, T0, RETENTION))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void expiresAtItsExpiryInstant() {
    assertThat(queued.isExpired(T0.plus(RETENTION).minusMillis(1))).isFalse();
    assertThat(queued.isExpired(T0.plus(RETENTION))).isTrue();
  }

  @Test
  void refusesInconsistentStates() {
    assertThatThrownBy(
            () ->
                new Report(
                    queued.id(),
                    queued.projectId(),
                    queued.requestedBy(),
                    ReportFormat.CSV,
                    null,
                    ReportStatus.READY,
                    100,
                    null,
                    null,
                    null,
                    null,
                    T0,
                    T0,
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Report(
                    queued.id(),
                    queued.projectId(),
                    queued.requestedBy(),
                    ReportFormat.CSV,
                    null,
                    ReportStatus.RUNNING,
                    101,
                    null,
                    null,
                    null,
                    null,
                    T0,
                    null,
                    T0))
        .isInstanceOf(InvalidInputException.class);
  }
}
