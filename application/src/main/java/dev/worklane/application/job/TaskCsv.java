package dev.worklane.application.job;

import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * A project's tasks as a UTF-8 CSV file (BOM, header, one record per task), produced while the
 * object store reads it: no thread, no pipe, nothing buffered beyond one page of tasks. Each page
 * is one keyset query ({@link TaskRepository#listAfter}) plus one query for the names it shows, so
 * a report holds no database connection or transaction between pages.
 *
 * <p>A failure while producing rows (the database, a cancelled attempt) reaches the reader as an
 * {@link IOException}, which makes the store abandon the object; {@link #failure()} keeps the
 * original, because the store may report it as its own.
 */
final class TaskCsv extends InputStream {
  static final int PAGE_SIZE = 1_000;

  static final List<String> HEADER =
      List.of(
          "Key",
          "Title",
          "Status",
          "Priority",
          "Assignee",
          "Reporter",
          "Due date",
          "Created",
          "Updated");

  private final TaskRepository tasks;
  private final ProfileRepository profiles;
  private final ProjectId project;
  private final ProjectKey key;
  private final TaskFilter filter;
  private final LongConsumer rowsWritten;
  private final BooleanSupplier cancelled;

  private byte[] chunk;
  private int offset;
  private Iterator<Task> page = List.<Task>of().iterator();
  private Map<UserId, String> names = Map.of();
  private Position after;
  private boolean lastPage;
  private long rows;
  private long bytes;
  private RuntimeException failure;

  /**
   * @param rowsWritten told the running row count after every page, for progress
   * @param cancelled polled before every row: the attempt timed out or the worker stops
   */
  TaskCsv(
      TaskRepository tasks,
      ProfileRepository profiles,
      ProjectId project,
      ProjectKey key,
      TaskFilter filter,
      LongConsumer rowsWritten,
      BooleanSupplier cancelled) {
    this.tasks = tasks;
    this.profiles = profiles;
    this.project = project;
    this.key = key;
    this.filter = filter;
    this.rowsWritten = rowsWritten;
    this.cancelled = cancelled;
    this.chunk = (Csv.BOM + Csv.row(HEADER)).getBytes(StandardCharsets.UTF_8);
  }

  /** Task records written so far (the header is not one). */
  long rows() {
    return rows;
  }

  /** Bytes handed to the reader so far. */
  long bytes() {
    return bytes;
  }

  /** What stopped the rows, if anything did. */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int from, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (offset == chunk.length) {
      if (!nextChunk()) {
        return -1;
      }
    }
    int count = Math.min(length, chunk.length - offset);
    System.arraycopy(chunk, offset, target, from, count);
    offset += count;
    bytes += count;
    return count;
  }

  @Override
  public void close() {
    page = List.<Task>of().iterator();
    lastPage = true;
  }

  /** The next record's bytes; false at the end. */
  private boolean nextChunk() throws IOException {
    try {
      if (!page.hasNext()) {
        if (lastPage || !nextPage()) {
          return false;
        }
      }
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("the attempt was cancelled");
      }
      Task task = page.next();
      chunk = Csv.row(cells(task)).getBytes(StandardCharsets.UTF_8);
      offset = 0;
      rows++;
      after = new Position(task.createdAt(), task.id().value());
      if (!page.hasNext()) {
        rowsWritten.accept(rows);
      }
      return true;
    } catch (RuntimeException e) {
      failure = e;
      lastPage = true;
      throw new IOException("the report's rows could not be produced", e);
    }
  }

  private boolean nextPage() {
    List<Task> loaded = tasks.listAfter(project, filter, after, PAGE_SIZE);
    lastPage = loaded.size() < PAGE_SIZE;
    Set<UserId> people = new HashSet<>();
    for (Task task : loaded) {
      people.add(task.reporterId());
      if (task.assigneeId() != null) {
        people.add(task.assigneeId());
      }
    }
    Map<UserId, String> found = new HashMap<>();
    if (!people.isEmpty()) {
      for (Profile profile : profiles.findByUserIds(people).values()) {
        found.put(profile.userId(), profile.displayName());
      }
    }
    names = found;
    page = loaded.iterator();
    if (loaded.isEmpty()) {
      rowsWritten.accept(rows);
    }
    return page.hasNext();
  }

  private List<String> cells(Task task) {
    return List.of(
        task.displayKey(key),
        task.title(),
        task.status().name(),
        task.priority().name(),
        task.assigneeId() == null ? "" : nameOf(task.assigneeId()),
        nameOf(task.reporterId()),
        task.dueDate() == null ? "" : task.dueDate().toString(),
        timestamp(task.createdAt()),
        timestamp(task.updatedAt()));
  }

  /** The display name, or the id of an account without a profile. */
  private String nameOf(UserId user) {
    String name = names.get(user);
    return name != null ? name : user.toString();
  }

  /** ISO 8601 in UTC to the second: {@code 2026-12-06T09:30:00Z}. */
  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
