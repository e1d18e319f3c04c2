package dev.worklane.adapter.out.persistence.attachment;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aProject;
import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.aTask;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.attachment.UploadPolicy;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class AttachmentRepositoryAdapterIT {
  private static final String SHA = "0123456789abcdef".repeat(4);

  private final AttachmentRepositoryAdapter attachments;
  private final ProjectRepository projects;
  private final TaskRepository tasks;
  private final UserRepository users;
  private final JdbcTemplate jdbc;

  AttachmentRepositoryAdapterIT(
      AttachmentRepositoryAdapter attachments,
      ProjectRepository projects,
      TaskRepository tasks,
      UserRepository users,
      JdbcTemplate jdbc) {
    this.attachments = attachments;
    this.projects = projects;
    this.tasks = tasks;
    this.users = users;
    this.jdbc = jdbc;
  }

  private UserId user() {
    return users
        .add(
            aUser()
                .email("ar-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  private Task task(UserId owner) {
    Project project = projects.add(aProject(owner, T1));
    return tasks.add(aTask(project.id(), 1, owner, T1));
  }

  private static Attachment pending(Task task, UserId uploader, Instant at) {
    AttachmentId id = AttachmentId.random();
    return Attachment.uploaded(
        id,
        task.id(),
        "Café ☕ notes.txt",
        "text/plain",
        1234,
        "attachments/" + task.id() + "/" + id,
        uploader,
        at);
  }

  @Test
  void anAddedAttachmentIsFoundWithEveryFieldToTheMicrosecond() {
    UserId uploader = user();
    Attachment attachment = pending(task(uploader), uploader, T1);

    assertThat(attachments.add(attachment)).isEqualTo(attachment);
    assertThat(attachments.findById(attachment.id())).contains(attachment);
    assertThat(attachments.findById(AttachmentId.random())).isEmpty();
  }

  @Test
  void anAttachmentOfAnUnknownTaskIsRefused() {
    UserId uploader = user();
    Attachment orphan =
        Attachment.uploaded(
            AttachmentId.random(),
            TaskId.random(),
            "a",
            "text/plain",
            1,
            "attachments/x/" + UUID.randomUUID(),
            uploader,
            T1);

    assertThatThrownBy(() -> attachments.add(orphan))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void twoRowsCannotNameOneObject() {
    UserId uploader = user();
    Task task = task(uploader);
    Attachment first = attachments.add(pending(task, uploader, T1));
    Attachment second =
        Attachment.uploaded(
            AttachmentId.random(),
            task.id(),
            "b",
            "text/plain",
            1,
            first.storageKey(),
            uploader,
            T1);

    assertThatThrownBy(() -> attachments.add(second))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theListIsNewestFirstInStableCursorPages() {
    UserId uploader = user();
    Task task = task(uploader);
    List<Attachment> added = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      added.add(attachments.add(pending(task, uploader, T1.plusSeconds(i))));
    }
    // Two at the same instant: the id breaks the tie, descending as the index orders it.
    added.add(attachments.add(pending(task, uploader, T1.plusSeconds(4))));
    attachments.add(pending(task(uploader), uploader, T1.plusSeconds(10)));

    CursorPage<Attachment> first = attachments.list(task.id(), CursorRequest.first(4));
    CursorPage<Attachment> second = attachments.list(task.id(), new CursorRequest(first.next(), 4));

    List<Attachment> all = new ArrayList<>(first.items());
    all.addAll(second.items());
    assertThat(all).hasSize(6).containsExactlyInAnyOrderElementsOf(added);
    assertThat(all).extracting(Attachment::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(first.next()).isNotNull();
    assertThat(second.next()).isNull();
    List<String> tied =
        all.stream()
            .filter(a -> a.createdAt().equals(T1.plusSeconds(4)))
            .map(a -> a.id().toString())
            .toList();
    assertThat(tied).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void theProcessingOutcomeIsWrittenOnlyOverAPendingRow() {
    UserId uploader = user();
    Attachment attachment = attachments.add(pending(task(uploader), uploader, T1));
    Attachment ready = attachment.processed(SHA, 1200, "text/plain", UploadPolicy.defaults());
    Attachment rejected = attachment.processed(SHA, 1200, "text/html", UploadPolicy.defaults());

    assertThat(attachments.finishProcessing(ready)).isTrue();
    assertThat(attachments.finishProcessing(rejected)).isFalse();
    assertThat(attachments.findById(attachment.id())).contains(ready);
    assertThat(attachments.finishProcessing(pending(task(uploader), uploader, T1))).isFalse();
  }

  @Test
  void deletingIsIdempotentAndDeletingTheTaskDeletesItsRows() {
    UserId uploader = user();
    Task task = task(uploader);
    Attachment one = attachments.add(pending(task, uploader, T1));
    Attachment two = attachments.add(pending(task, uploader, T1));

    assertThat(attachments.delete(one.id())).isTrue();
    assertThat(attachments.delete(one.id())).isFalse();
    tasks.delete(task);
    assertThat(attachments.findById(two.id())).isEmpty();
  }

  @Test
  void existingKeysNamesTheKeysSomeRowHas() {
    UserId uploader = user();
    Attachment attachment = attachments.add(pending(task(uploader), uploader, T1));

    assertThat(attachments.existingKeys(List.of(attachment.storageKey(), "attachments/none/x")))
        .containsExactly(attachment.storageKey());
    assertThat(attachments.existingKeys(List.of())).isEmpty();
  }

  @Test
  void pendingRowsOlderThanTheLimitComeOldestFirst() {
    UserId uploader = user();
    Task task = task(uploader);
    Instant long_ago = Instant.parse("2001-01-01T00:00:00Z");
    Attachment older = attachments.add(pending(task, uploader, long_ago));
    Attachment old = attachments.add(pending(task, uploader, long_ago.plusSeconds(1)));
    Attachment done = attachments.add(pending(task, uploader, long_ago));
    attachments.finishProcessing(done.processed(SHA, 1, "text/plain", UploadPolicy.defaults()));
    attachments.add(pending(task, uploader, long_ago.plus(Duration.ofDays(1))));

    assertThat(attachments.pendingSince(long_ago.plusSeconds(2), 100))
        .extracting(Attachment::id)
        .startsWith(older.id(), old.id())
        .doesNotContain(done.id())
        .hasSize(2);
  }

  @Test
  void attachmentsOfProjectsArchivedBeforeTheRetentionAreDue() {
    UserId owner = user();
    Project project = projects.add(aProject(owner, T1));
    Task task = tasks.add(aTask(project.id(), 1, owner, T1));
    Attachment attachment = attachments.add(pending(task, owner, T1));
    Instant archivedAt = Instant.parse("2026-03-01T00:00:00Z");
    jdbc.update(
        "update projects set archived = true, updated_at = ? where id = ?",
        java.sql.Timestamp.from(archivedAt),
        project.id().value());

    assertThat(attachments.inProjectsArchivedBefore(archivedAt.plusSeconds(1), 1000))
        .extracting(Attachment::id)
        .contains(attachment.id());
    assertThat(attachments.inProjectsArchivedBefore(archivedAt, 1000))
        .extracting(Attachment::id)
        .doesNotContain(attachment.id());
  }

  @Test
  void theCountNamesEveryStatus() {
    Map<AttachmentStatus, Long> before = attachments.countByStatus();
    UserId uploader = user();
    Attachment attachment = attachments.add(pending(task(uploader), uploader, T1));
    attachments.finishProcessing(
        attachment.processed(SHA, 1, "text/html", UploadPolicy.defaults()));

    Map<AttachmentStatus, Long> after = attachments.countByStatus();

    assertThat(after).containsOnlyKeys(AttachmentStatus.values());
    assertThat(after.get(AttachmentStatus.REJECTED))
        .isEqualTo(before.get(AttachmentStatus.REJECTED) + 1);
  }
}
