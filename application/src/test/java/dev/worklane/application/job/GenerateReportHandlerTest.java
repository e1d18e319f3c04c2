package dev.worklane.application.job;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportMetrics;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFailure;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.report.ReportStatus;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GenerateReportHandlerTest {
  static final Duration RETENTION = Duration.ofDays(7);
  static final Instant NOW = T0.plusSeconds(3600);

  @Mock ReportRepository reports;
  @Mock ProjectRepository projects;
  @Mock TaskRepository tasks;
  @Mock ProfileRepository profiles;
  @Mock dev.worklane.application.port.out.UserRepository users;
  @Mock ObjectStorage storage;
  @Mock JobQueue queue;
  @Mock Runnable relayNudge;
  @Mock ReportMetrics metrics;

  /** Runs the work inline and records what was written inside a transaction. */
  final List<String> committed = new ArrayList<>();

  final Transactions transactions =
      new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          T result = work.get();
          committed.add("commit");
          return result;
        }

        @Override
        public void afterCommit(Runnable action) {
          action.run();
        }
      };

  final User requester = aUser().email("manager@example.com").build();
  final Project project =
      Project.create(
          ProjectId.random(), new ProjectKey("WL"), "Worklane", null, requester.id(), T0);
  final Report queued =
      Report.request(
          ReportId.random(),
          project.id(),
          requester.id(),
          ReportFormat.CSV,
          new ReportFilters(TaskStatus.TODO, null),
          T0,
          RETENTION);
  final String key = "reports/" + queued.id() + ".csv";
  final List<Report> written = new ArrayList<>();
  byte[] stored;

  GenerateReportHandler handler() {
    return new GenerateReportHandler(
        reports,
        projects,
        tasks,
        profiles,
        users,
        storage,
        queue,
        transactions,
        relayNudge,
        metrics,
        RETENTION,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** One attempt of the report's job. */
  static final class Attempt implements Job {
    final Map<String, String> payload;
    final int attempt;
    boolean cancelled;
    final List<Integer> progress = new ArrayList<>();
    final List<String> logs = new ArrayList<>();

    Attempt(Map<String, String> payload, int attempt) {
      this.payload = payload;
      this.attempt = attempt;
    }

    @Override
    public String id() {
      return "report-job";
    }

    @Override
    public String queue() {
      return JobRequest.DEFAULT_QUEUE;
    }

    @Override
    public String type() {
      return ReportJobs.TYPE;
    }

    @Override
    public Map<String, String> payload() {
      return payload;
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public int maxAttempts() {
      return 3;
    }

    @Override
    public void progress(int percent) {
      progress.add(percent);
    }

    @Override
    public void log(String line) {
      logs.add(line);
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }
  }

  Attempt attempt(int number) {
    return new Attempt(ReportJobs.generate(queued.id()).payload(), number);
  }

  List<Task> tasks(long count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(
            n ->
                Task.open(
                    TaskId.random(),
                    project.id(),
                    n,
                    n == 1 ? "=HYPERLINK(\"https://evil.example\")" : "Task " + n,
                    null,
                    null,
                    null,
                    requester.id(),
                    null,
                    T0.plusSeconds(n)))
        .toList();
  }

  @BeforeEach
  void world() {
    lenient().when(reports.findById(queued.id())).thenReturn(Optional.of(queued));
    lenient()
        .when(reports.update(any()))
        .thenAnswer(
            inv -> {
              written.add(inv.getArgument(0));
              return true;
            });
    lenient().when(projects.findById(project.id())).thenReturn(Optional.of(project));
    lenient().when(users.findById(requester.id())).thenReturn(Optional.of(requester));
    lenient().when(profiles.findByUserIds(any())).thenReturn(Map.of());
    lenient()
        .when(storage.put(eq(key), any(), eq(-1L), anyString(), any()))
        .thenAnswer(
            inv -> {
              try (InputStream content = inv.getArgument(1)) {
                stored = content.readAllBytes();
              } catch (IOException e) {
                throw new StorageUnavailableException("upload aborted", e);
              }
              return new StoredObject(key, stored.length);
            });
  }

  void givenTasks(List<Task> all) {
    TaskFilter filter = new TaskFilter(TaskStatus.TODO, null);
    lenient().when(tasks.count(project.id(), filter)).thenReturn((long) all.size());
    lenient()
        .when(tasks.listAfter(eq(project.id()), eq(filter), any(), anyInt()))
        .thenAnswer(
            inv -> {
              var after = inv.<dev.worklane.application.port.model.Position>getArgument(2);
              int limit = inv.getArgument(3);
              int from = 0;
              if (after != null) {
                while (!all.get(from).id().value().equals(after.id())) {
                  from++;
                }
                from++;
              }
              return all.subList(from, Math.min(all.size(), from + limit));
            });
  }

  @Test
  void handlesReportGenerateJobs() {
    assertThat(handler().type()).isEqualTo("report.generate");
  }

  @Test
  void streamsTheCsvToPrivateStorageMovesTheReportToReadyAndEmailsTheRequester() {
    givenTasks(tasks(2_500));
    Attempt job = attempt(1);

    handler().handle(job);

    verify(storage)
        .put(eq(key), any(), eq(-1L), eq("text/csv; charset=utf-8"), eq(ObjectVisibility.PRIVATE));
    String csv = new String(stored, StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFKey,Title,").contains("\r\nWL-2500,Task 2500,TODO,");
    assertThat(csv).contains("WL-1,\"'=HYPERLINK(\"\"https://evil.example\"\")\",");

    assertThat(written.getFirst().status()).isEqualTo(ReportStatus.RUNNING);
    Report ready = written.getLast();
    assertThat(ready.status()).isEqualTo(ReportStatus.READY);
    assertThat(ready.storageKey()).isEqualTo(key);
    assertThat(ready.rowCount()).isEqualTo(2_500);
    assertThat(ready.sizeBytes()).isEqualTo(stored.length);
    assertThat(ready.completedAt()).isEqualTo(NOW);
    assertThat(ready.expiresAt()).isEqualTo(NOW.plus(RETENTION));

    ArgumentCaptor<JobRequest> email = ArgumentCaptor.forClass(JobRequest.class);
    verify(queue).enqueue(email.capture());
    assertThat(email.getValue().queue()).isEqualTo("email");
    assertThat(email.getValue().payload())
        .containsEntry("template", "report-ready")
        .containsEntry("to", "manager@example.com")
        .containsEntry("reportId", queued.id().toString())
        .containsEntry("projectKey", "WL");
    verify(relayNudge).run();
    verify(metrics).generated(ReportStatus.READY, Duration.ZERO, 2_500);
  }

  @Test
  void reportsProgressAsRowsAreWrittenNeverBackwardsAndAt100OnlyWhenReady() {
    givenTasks(tasks(2_500));
    Attempt job = attempt(1);

    handler().handle(job);

    assertThat(job.progress).containsExactly(40, 80, 99, 100);
    assertThat(written).extracting(Report::progress).containsExactly(0, 40, 80, 99, 100);
  }

  @Test
  void aRerunOfAReadyReportChangesNothing() {
    Report ready = queued.start().complete(key, 1, 10, T0, RETENTION);
    when(reports.findById(queued.id())).thenReturn(Optional.of(ready));
    Attempt job = attempt(2);

    handler().handle(job);

    verifyNoInteractions(storage, queue, tasks);
    verify(reports, never()).update(any());
    assertThat(job.progress).containsExactly(100);
  }

  @Test
  void aRerunAfterACrashOverwritesTheSameObject() {
    givenTasks(tasks(3));
    when(reports.findById(queued.id())).thenReturn(Optional.of(queued.start().progressTo(60)));

    handler().handle(attempt(2));

    verify(storage).put(eq(key), any(), eq(-1L), anyString(), any());
    assertThat(written.getFirst().progress()).isZero();
    assertThat(written.getLast().status()).isEqualTo(ReportStatus.READY);
  }

  @Test
  void aReportThatNoLongerExistsIsNothingToDo() {
    when(reports.findById(queued.id())).thenReturn(Optional.empty());

    handler().handle(attempt(1));

    verifyNoInteractions(storage, queue, tasks, metrics);
  }

  @Test
  void aDeletedProjectFailsTheReportAtOnceForGoodAndTellsTheRequester() {
    when(projects.findById(project.id())).thenReturn(Optional.empty());

    assertThatThrownBy(() -> handler().handle(attempt(1))).isInstanceOf(PermanentJobFailure.class);

    Report failed = written.getLast();
    assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
    assertThat(failed.error()).isEqualTo(ReportFailure.PROJECT_GONE.reason());
    ArgumentCaptor<JobRequest> email = ArgumentCaptor.forClass(JobRequest.class);
    verify(queue).enqueue(email.capture());
    assertThat(email.getValue().payload())
        .containsEntry("template", "report-failed")
        .containsEntry("failure", "PROJECT_GONE")
        .doesNotContainKey("projectKey");
    verifyNoInteractions(storage);
    verify(metrics).generated(eq(ReportStatus.FAILED), any(), eq(0L));
  }

  @Test
  void aStorageOutageBeforeTheLastAttemptIsRetriedWithoutFailingTheReport() {
    givenTasks(tasks(3));
    StorageUnavailableException outage =
        new StorageUnavailableException("unreachable", new IOException("refused"));
    when(storage.put(eq(key), any(), anyLong(), anyString(), any())).thenThrow(outage);

    assertThatThrownBy(() -> handler().handle(attempt(1))).isSameAs(outage);

    assertThat(written).extracting(Report::status).containsOnly(ReportStatus.RUNNING);
    verifyNoInteractions(queue, metrics);
  }

  @Test
  void aStorageOutageOnTheLastAttemptFailsTheReportWithASafeReasonAndTellsTheRequester() {
    givenTasks(tasks(3));
    StorageUnavailableException outage =
        new StorageUnavailableException("s3 at 10.0.0.7 refused", new IOException("refused"));
    when(storage.put(eq(key), any(), anyLong(), anyString(), any())).thenThrow(outage);

    assertThatThrownBy(() -> handler().handle(attempt(3))).isSameAs(outage);

    Report failed = written.getLast();
    assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
    assertThat(failed.error())
        .isEqualTo(ReportFailure.STORAGE_UNAVAILABLE.reason())
        .doesNotContain("10.0.0.7");
    ArgumentCaptor<JobRequest> email = ArgumentCaptor.forClass(JobRequest.class);
    verify(queue).enqueue(email.capture());
    assertThat(email.getValue().payload())
        .containsEntry("failure", "STORAGE_UNAVAILABLE")
        .containsEntry("projectKey", "WL");
  }

  @Test
  void aDatabaseFailureWhileStreamingSurfacesAsItselfNotAsTheStoresWrapping() {
    TaskFilter filter = new TaskFilter(TaskStatus.TODO, null);
    when(tasks.count(project.id(), filter)).thenReturn(5L);
    IllegalStateException database = new IllegalStateException("connection lost");
    when(tasks.listAfter(eq(project.id()), eq(filter), any(), anyInt())).thenThrow(database);

    assertThatThrownBy(() -> handler().handle(attempt(1))).isSameAs(database);
  }

  @Test
  void aTimedOutLastAttemptFailsTheReportAsTooSlow() {
    givenTasks(tasks(3));
    Attempt job = attempt(3);
    job.cancelled = true;

    assertThatThrownBy(() -> handler().handle(job))
        .isInstanceOf(java.util.concurrent.CancellationException.class);

    assertThat(written.getLast().error()).isEqualTo(ReportFailure.TIMED_OUT.reason());
  }

  @Test
  void anObjectWrittenForAReportSweptMeanwhileIsDeleted() {
    givenTasks(tasks(3));
    when(reports.update(any()))
        .thenAnswer(inv -> inv.<Report>getArgument(0).status() != ReportStatus.READY);

    handler().handle(attempt(1));

    verify(storage).delete(key);
    verifyNoInteractions(queue);
    verify(relayNudge, never()).run();
  }

  @Test
  void aJobWithoutAValidReportIdFailsForGood() {
    Attempt job = new Attempt(Map.of("reportId", "../../etc"), 1);

    assertThatThrownBy(() -> handler().handle(job)).isInstanceOf(PermanentJobFailure.class);
    verifyNoInteractions(reports, storage);
  }

  @Test
  void aRequesterWithoutAnAccountStillGetsTheReportButNoEmail() {
    givenTasks(tasks(1));
    when(users.findById(requester.id())).thenReturn(Optional.empty());

    handler().handle(attempt(1));

    assertThat(written.getLast().status()).isEqualTo(ReportStatus.READY);
    verifyNoInteractions(queue);
    verify(relayNudge, never()).run();
    verify(metrics, atLeastOnce()).generated(any(), any(), anyLong());
  }

  @Test
  void theFinalStateAndTheEmailCommitTogether() {
    givenTasks(tasks(1));
    when(queue.enqueue(any()))
        .thenAnswer(
            inv -> {
              assertThat(committed).as("enqueued inside the open transaction").isEmpty();
              assertThat(written.getLast().status()).isEqualTo(ReportStatus.READY);
              return "email-job";
            });

    handler().handle(attempt(1));

    assertThat(committed).containsExactly("commit");
  }

  @Test
  void theEmailCarriesNoSignedUrlAndNoFilterValues() {
    givenTasks(tasks(1));
    handler().handle(attempt(1));
    ArgumentCaptor<JobRequest> email = ArgumentCaptor.forClass(JobRequest.class);
    verify(queue).enqueue(email.capture());
    assertThat(email.getValue().payload().keySet())
        .containsExactlyInAnyOrder("template", "to", "reportId", "projectKey", "expiresAt");
    assertThat(new Email(email.getValue().payload().get("to"))).isEqualTo(requester.email());
  }

  @Test
  void anUnreadableStreamIsReportedByTheStoreNotSwallowed() {
    givenTasks(tasks(1));
    UncheckedIOException broken = new UncheckedIOException(new IOException("disk full"));
    when(storage.put(eq(key), any(), anyLong(), anyString(), any())).thenThrow(broken);

    assertThatThrownBy(() -> handler().handle(attempt(3))).isSameAs(broken);
    assertThat(written.getLast().error()).isEqualTo(ReportFailure.INTERNAL_ERROR.reason());
  }
}
