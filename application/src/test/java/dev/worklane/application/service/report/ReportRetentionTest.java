package dev.worklane.application.service.report;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ReportMetrics;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.user.UserId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ReportRetentionTest {
  static final Instant NOW = T0.plus(Duration.ofDays(30));

  @Mock ReportRepository reports;
  @Mock ObjectStorage storage;
  @Mock ReportMetrics metrics;

  ReportRetention retention() {
    return new ReportRetention(reports, storage, metrics, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static Report expired() {
    return Report.request(
        ReportId.random(),
        ProjectId.random(),
        UserId.random(),
        ReportFormat.CSV,
        null,
        T0,
        Duration.ofDays(7));
  }

  @Test
  void removesTheObjectThenTheRowOfEachReportExpiredByTheClocksNow() {
    Report one = expired();
    Report two = expired();
    when(reports.findExpired(NOW, ReportRetention.BATCH)).thenReturn(List.of(one, two));

    assertThat(retention().sweep()).isEqualTo(2);

    InOrder order = inOrder(storage, reports);
    order.verify(storage).delete("reports/" + one.id() + ".csv");
    order.verify(reports).delete(one.id());
    order.verify(storage).delete("reports/" + two.id() + ".csv");
    order.verify(reports).delete(two.id());
    verify(metrics).expired(2);
  }

  @Test
  void goesOnInBatchesUntilNoneIsLeft() {
    List<Report> full = IntStream.range(0, ReportRetention.BATCH).mapToObj(i -> expired()).toList();
    Report last = expired();
    when(reports.findExpired(NOW, ReportRetention.BATCH))
        .thenReturn(full)
        .thenReturn(List.of(last));

    assertThat(retention().sweep()).isEqualTo(ReportRetention.BATCH + 1);

    verify(reports).delete(last.id());
    verify(metrics).expired(ReportRetention.BATCH);
    verify(metrics).expired(1);
  }

  @Test
  void nothingExpiredIsNothingToDo() {
    when(reports.findExpired(any(), anyInt())).thenReturn(List.of());

    assertThat(retention().sweep()).isZero();

    verifyNoInteractions(storage, metrics);
  }

  @Test
  void aStorageOutageKeepsTheRowForTheNextSweep() {
    Report report = expired();
    when(reports.findExpired(NOW, ReportRetention.BATCH)).thenReturn(List.of(report));
    doThrow(new StorageUnavailableException("down", new IOException())).when(storage).delete(any());

    assertThatThrownBy(() -> retention().sweep()).isInstanceOf(StorageUnavailableException.class);

    verify(reports, never()).delete(any());
  }
}
