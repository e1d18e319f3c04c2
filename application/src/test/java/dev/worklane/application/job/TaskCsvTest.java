package dev.worklane.application.job;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class TaskCsvTest {
  @Mock TaskRepository tasks;
  @Mock ProfileRepository profiles;

  final ProjectId project = ProjectId.random();
  final ProjectKey key = new ProjectKey("WL");
  final TaskFilter filter = new TaskFilter(TaskStatus.TODO, null);
  final UserId ada = UserId.random();
  final UserId nameless = UserId.random();
  final List<Long> progress = new ArrayList<>();
  final AtomicBoolean cancelled = new AtomicBoolean();

  @BeforeEach
  void names() {
    lenient()
        .when(profiles.findByUserIds(any()))
        .thenReturn(Map.of(ada, new Profile(ada, "Ada Lovelace", ZoneId.of("UTC"), T0)));
  }

  TaskCsv csv() {
    return new TaskCsv(tasks, profiles, project, key, filter, progress::add, cancelled::get);
  }

  Task task(long number, String title) {
    return new Task(
        TaskId.random(),
        project,
        number,
        title,
        null,
        TaskStatus.TODO,
        TaskPriority.HIGH,
        number % 2 == 0 ? ada : null,
        number % 3 == 0 ? nameless : ada,
        number == 1 ? LocalDate.of(2026, 12, 24) : null,
        0,
        T0.plusSeconds(number).plusNanos(123_456_000),
        T0.plusSeconds(number + 60));
  }

  List<Task> tasks(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(n -> task(n, "Task " + n)).toList();
  }

  static List<CSVRecord> parse(byte[] bytes) throws IOException {
    try (CSVParser parser =
        CSVFormat.RFC4180.parse(
            new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      return parser.getRecords();
    }
  }

  @Test
  void startsWithTheUtf8ByteOrderMarkAndTheHeaderThenOneRecordPerTask() throws IOException {
    when(tasks.listAfter(project, filter, null, TaskCsv.PAGE_SIZE))
        .thenReturn(List.of(task(1, "Ship =it"), task(2, "Zoë's \"big\", day")));

    byte[] bytes;
    try (TaskCsv csv = csv()) {
      bytes = csv.readAllBytes();
      assertThat(csv.rows()).isEqualTo(2);
      assertThat(csv.bytes()).isEqualTo(bytes.length);
    }

    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text)
        .startsWith(
            "Key,Title,Status,Priority,Assignee,Reporter,Due date,Created,Updated\r\n"
                + "WL-1,Ship =it,TODO,HIGH,,Ada Lovelace,2026-12-24,2026-01-01T00:00:01Z,"
                + "2026-01-01T00:01:01Z\r\n");
    List<CSVRecord> records = parse(text.getBytes(StandardCharsets.UTF_8));
    assertThat(records).hasSize(3);
    assertThat(records.get(2).toList())
        .containsExactly(
            "WL-2",
            "Zoë's \"big\", day",
            "TODO",
            "HIGH",
            "Ada Lovelace",
            "Ada Lovelace",
            "",
            "2026-01-01T00:00:02Z",
            "2026-01-01T00:01:02Z");
  }

  @Test
  void aPersonWithoutAProfileIsShownByTheirId() throws IOException {
    when(tasks.listAfter(project, filter, null, TaskCsv.PAGE_SIZE))
        .thenReturn(List.of(task(3, "Three")));

    List<CSVRecord> records = parse(csv().readAllBytes());

    assertThat(records.get(1).get(5)).isEqualTo(nameless.toString());
  }

  @Test
  void pagesThroughTheProjectByKeysetStartingEachPageAfterThePreviousOnesLastTask()
      throws IOException {
    List<Task> first = tasks(1, 1000);
    List<Task> second = tasks(1001, 2000);
    List<Task> third = tasks(2001, 2500);
    when(tasks.listAfter(eq(project), eq(filter), isNull(), eq(1000))).thenReturn(first);
    when(tasks.listAfter(project, filter, positionOf(first.getLast()), 1000)).thenReturn(second);
    when(tasks.listAfter(project, filter, positionOf(second.getLast()), 1000)).thenReturn(third);

    TaskCsv csv = csv();
    List<CSVRecord> records = parse(csv.readAllBytes());

    assertThat(records).hasSize(2501);
    assertThat(records.get(2500).get(0)).isEqualTo("WL-2500");
    assertThat(csv.rows()).isEqualTo(2500);
    // a short page is the last: no fourth query
    verify(tasks, times(3)).listAfter(any(), any(), any(), anyInt());
    assertThat(progress).containsExactly(1000L, 2000L, 2500L);
  }

  @Test
  void aProjectWhosePageSizeDividesItsTasksEndsOnAnEmptyPage() throws IOException {
    List<Task> first = tasks(1, 1000);
    when(tasks.listAfter(project, filter, null, 1000)).thenReturn(first);
    when(tasks.listAfter(project, filter, positionOf(first.getLast()), 1000)).thenReturn(List.of());

    assertThat(parse(csv().readAllBytes())).hasSize(1001);
    assertThat(progress).containsExactly(1000L, 1000L);
  }

  @Test
  void anEmptyProjectIsTheHeaderAlone() throws IOException {
    when(tasks.listAfter(project, filter, null, 1000)).thenReturn(List.of());

    byte[] bytes = csv().readAllBytes();

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFKey,Title,Status,Priority,Assignee,Reporter,Due date,Created,Updated\r\n");
    assertThat(progress).containsExactly(0L);
  }

  @Test
  void namesAreLookedUpOncePerPageForThePeopleOnIt() throws IOException {
    when(tasks.listAfter(project, filter, null, 1000)).thenReturn(tasks(1, 6));

    csv().readAllBytes();

    @SuppressWarnings("unchecked")
    ArgumentCaptor<java.util.Collection<UserId>> asked =
        ArgumentCaptor.forClass(java.util.Collection.class);
    verify(profiles).findByUserIds(asked.capture());
    assertThat(asked.getValue()).containsExactlyInAnyOrder(ada, nameless);
  }

  @Test
  void aDatabaseFailureReachesTheReaderAsAnIOExceptionAndIsKept() {
    RuntimeException outage = new IllegalStateException("connection refused");
    when(tasks.listAfter(project, filter, null, 1000)).thenThrow(outage);
    TaskCsv csv = csv();

    assertThatThrownBy(csv::readAllBytes).isInstanceOf(IOException.class).hasCause(outage);
    assertThat(csv.failure()).containsSame(outage);
  }

  @Test
  void aCancelledAttemptStopsBeforeTheNextRow() {
    when(tasks.listAfter(project, filter, null, 1000)).thenReturn(tasks(1, 10));
    TaskCsv csv = csv();
    cancelled.set(true);

    assertThatThrownBy(csv::readAllBytes).isInstanceOf(IOException.class);
    assertThat(csv.failure()).get().isInstanceOf(CancellationException.class);
    assertThat(csv.rows()).isZero();
  }

  @Test
  void readsByteByByteToo() throws IOException {
    when(tasks.listAfter(project, filter, null, 1000)).thenReturn(List.of(task(1, "東京")));
    TaskCsv csv = csv();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int b; (b = csv.read()) != -1; ) {
      out.write(b);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("WL-1,東京,");
    assertThat(csv.read(new byte[4], 0, 0)).isZero();
  }

  static Position positionOf(Task task) {
    return new Position(task.createdAt(), task.id().value());
  }
}
