package dev.worklane.application.service.attachment;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.job.AttachmentJobs;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.attachment.AttachmentView;
import dev.worklane.application.port.in.attachment.UploadAttachmentCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.RecordingJobQueue;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.attachment.UploadPolicy;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.PayloadTooLargeException;
import dev.worklane.domain.common.UnsupportedMediaTypeException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AttachmentServiceTest {
  static final Instant NOW = T0.plusSeconds(60);
  static final String SHA = "b".repeat(64);

  @Mock AttachmentRepository attachments;
  @Mock TaskRepository tasks;
  @Mock ProjectRepository projects;
  @Mock Cache cache;
  @Mock ObjectStorage storage;
  @Mock Runnable commit;
  DirectTransactions transactions;
  RecordingJobQueue queue;

  final Actor owner = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor member = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor colleague = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor outsider = new Actor(UserId.random(), Set.of(Role.USER));
  final Actor manager = new Actor(UserId.random(), Set.of(Role.MANAGER));
  final Actor admin = new Actor(UserId.random(), Set.of(Role.ADMIN));
  final Project project =
      Project.create(
          ProjectId.random(), new ProjectKey("WL"), "Worklane", null, owner.userId(), T0);
  final Task task =
      Task.open(
          TaskId.random(), project.id(), 1, "Ship", null, null, null, owner.userId(), null, T0);

  @BeforeEach
  void world() {
    transactions = new DirectTransactions(commit);
    queue = new RecordingJobQueue();
    lenient().when(cache.get(any(), any())).thenReturn(Cache.Lookup.miss(0));
    lenient().when(projects.findById(project.id())).thenReturn(Optional.of(project));
    // outsiders and the admin are no members; the specific stubs below win over this one
    lenient().when(projects.findMember(eq(project.id()), any())).thenReturn(Optional.empty());
    member(owner, ProjectRole.OWNER);
    member(member, ProjectRole.MEMBER);
    member(colleague, ProjectRole.MEMBER);
    member(manager, ProjectRole.MEMBER);
    lenient().when(tasks.findById(task.id())).thenReturn(Optional.of(task));
    lenient()
        .when(storage.put(anyString(), any(), anyLong(), anyString(), any()))
        .thenAnswer(
            inv -> {
              InputStream in = inv.getArgument(1);
              return new StoredObject(
                  inv.getArgument(0), in.transferTo(OutputStream.nullOutputStream()));
            });
  }

  private void member(Actor actor, ProjectRole role) {
    lenient()
        .when(projects.findMember(project.id(), actor.userId()))
        .thenReturn(Optional.of(new ProjectMember(project.id(), actor.userId(), role, T0)));
  }

  AttachmentService service() {
    return service(AttachmentSettings.defaults());
  }

  AttachmentService service(AttachmentSettings settings) {
    return new AttachmentService(
        attachments,
        tasks,
        projects,
        cache,
        storage,
        queue.jobs(transactions),
        transactions,
        settings,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static UploadAttachmentCommand file(String name, String type, String content) {
    return new UploadAttachmentCommand(
        name, type, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  Attachment stored(Actor uploader, AttachmentStatus status) {
    Attachment pending =
        Attachment.uploaded(
            AttachmentId.random(),
            task.id(),
            "notes.txt",
            "text/plain",
            5,
            "attachments/" + task.id() + "/x",
            uploader.userId(),
            T0);
    Attachment attachment =
        switch (status) {
          case PENDING -> pending;
          case READY -> pending.processed(SHA, 5, "text/plain", UploadPolicy.defaults());
          case REJECTED -> pending.processed(SHA, 5, "text/html", UploadPolicy.defaults());
        };
    lenient().when(attachments.findById(attachment.id())).thenReturn(Optional.of(attachment));
    return attachment;
  }

  @Test
  void anUploadStoresTheObjectFirstThenCommitsThePendingRowWithItsJob() {
    when(attachments.add(any())).thenAnswer(inv -> inv.getArgument(0));

    AttachmentView view =
        service()
            .upload(
                member, task.id(), file("../../etc/passwd", "Text/Plain; charset=utf-8", "hello"));

    Attachment attachment = view.attachment();
    assertThat(attachment.status()).isEqualTo(AttachmentStatus.PENDING);
    assertThat(attachment.fileName()).isEqualTo("passwd");
    assertThat(attachment.declaredType()).isEqualTo("text/plain");
    assertThat(attachment.sizeBytes()).isEqualTo(5);
    assertThat(attachment.uploadedBy()).isEqualTo(member.userId());
    assertThat(attachment.storageKey())
        .isEqualTo("attachments/" + task.id() + "/" + attachment.id())
        .doesNotContain("passwd");
    assertThat(view.downloadUrl()).isNull();
    InOrder order = inOrder(storage, attachments, commit);
    order
        .verify(storage)
        .put(
            eq(attachment.storageKey()),
            any(),
            eq(-1L),
            eq("text/plain"),
            eq(ObjectVisibility.PRIVATE));
    order.verify(attachments).add(any());
    order.verify(commit).run();
    assertThat(queue.requests())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.type()).isEqualTo(AttachmentJobs.PROCESS);
              assertThat(job.payload()).containsEntry("attachmentId", attachment.id().toString());
            });
    verify(storage, never()).delete(anyString());
  }

  @Test
  void whenTheRowsTransactionFailsTheStoredObjectIsDeleted() {
    when(attachments.add(any())).thenThrow(new IllegalStateException("task deleted meanwhile"));

    assertThatThrownBy(() -> service().upload(member, task.id(), file("a.txt", "text/plain", "x")))
        .hasMessage("task deleted meanwhile");

    ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
    verify(storage).put(key.capture(), any(), anyLong(), anyString(), any());
    verify(storage).delete(key.getValue());
    verify(commit, never()).run();
    assertThat(queue.requests()).isEmpty();
  }

  @Test
  void aFailedObjectDeleteAfterARollbackStillReportsTheRollback() {
    when(attachments.add(any())).thenThrow(new IllegalStateException("rolled back"));
    doThrow(new StorageUnavailableException("down", null)).when(storage).delete(anyString());

    assertThatThrownBy(() -> service().upload(member, task.id(), file("a.txt", "text/plain", "x")))
        .hasMessage("rolled back");
  }

  @Test
  void aDeclaredTypeOffTheAllowListIsRefusedBeforeAnythingIsStored() {
    assertThatThrownBy(
            () -> service().upload(member, task.id(), file("page.html", "text/html", "<html>")))
        .isInstanceOf(UnsupportedMediaTypeException.class);
    assertThatThrownBy(() -> service().upload(member, task.id(), file("x", null, "x")))
        .isInstanceOf(UnsupportedMediaTypeException.class);
    verifyNoInteractions(storage, attachments);
  }

  @Test
  void aFileOverTheLimitIsTheClientsFailureEvenWhenTheStoreWrapsIt() {
    doAnswer(
            inv -> {
              try {
                ((InputStream) inv.getArgument(1)).transferTo(OutputStream.nullOutputStream());
              } catch (IOException | RuntimeException e) {
                throw new StorageUnavailableException("write failed", e);
              }
              return null;
            })
        .when(storage)
        .put(anyString(), any(), anyLong(), anyString(), any());
    AttachmentSettings small =
        new AttachmentSettings(
            new UploadPolicy(4, Set.of("text/plain")),
            Duration.ofHours(1),
            Duration.ofHours(1),
            Duration.ofDays(1),
            Duration.ofDays(30));

    assertThatThrownBy(
            () -> service(small).upload(member, task.id(), file("a.txt", "text/plain", "12345")))
        .isInstanceOf(PayloadTooLargeException.class);
    verifyNoInteractions(attachments);
  }

  @Test
  void aSourceThatBreaksMidwayIsReportedAsItsOwnFailure() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("client went away");
          }
        };
    doAnswer(
            inv -> {
              try {
                ((InputStream) inv.getArgument(1)).read();
              } catch (IOException e) {
                throw new StorageUnavailableException("write failed", e);
              }
              return null;
            })
        .when(storage)
        .put(anyString(), any(), anyLong(), anyString(), any());

    assertThatThrownBy(
            () ->
                service()
                    .upload(
                        member,
                        task.id(),
                        new UploadAttachmentCommand("a.txt", "text/plain", broken)))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("client went away");
  }

  @Test
  void aStoreOutageIsTheStoresFailure() {
    doThrow(new StorageUnavailableException("down", null))
        .when(storage)
        .put(anyString(), any(), anyLong(), anyString(), any());

    assertThatThrownBy(() -> service().upload(member, task.id(), file("a.txt", "text/plain", "x")))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void outsidersSeeNeitherTheTaskNorItsAttachments() {
    Attachment attachment = stored(member, AttachmentStatus.READY);

    assertThatThrownBy(
            () -> service().upload(outsider, task.id(), file("a.txt", "text/plain", "x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Task not found");
    assertThatThrownBy(() -> service().list(outsider, task.id(), CursorRequest.first(20)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service().get(outsider, attachment.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Attachment not found");
    assertThatThrownBy(() -> service().delete(outsider, attachment.id()))
        .isInstanceOf(NotFoundException.class);
    verifyNoInteractions(storage);
  }

  @Test
  void anAdminReadsButDoesNotUploadOutsideTheirProjects() {
    Attachment attachment = stored(member, AttachmentStatus.PENDING);

    assertThat(service().get(admin, attachment.id()).attachment()).isEqualTo(attachment);
    assertThatThrownBy(() -> service().upload(admin, task.id(), file("a.txt", "text/plain", "x")))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aReadyAttachmentComesWithADownloadUrlValidForAnHour() {
    Attachment attachment = stored(member, AttachmentStatus.READY);
    URI signed = URI.create("https://files.example/signed");
    when(storage.presignGet(
            attachment.storageKey(),
            Duration.ofHours(1),
            new DownloadDisposition("notes.txt", "text/plain")))
        .thenReturn(signed);

    AttachmentView view = service().get(colleague, attachment.id());

    assertThat(view.downloadUrl()).isEqualTo(signed);
    assertThat(view.downloadUrlExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void pendingAndRejectedAttachmentsHaveNoDownloadUrl() {
    assertThat(service().get(member, stored(member, AttachmentStatus.PENDING).id()).downloadUrl())
        .isNull();
    AttachmentView rejected = service().get(member, stored(member, AttachmentStatus.REJECTED).id());
    assertThat(rejected.downloadUrl()).isNull();
    assertThat(rejected.attachment().rejectionReason()).contains("text/html");
    verify(storage, never()).presignGet(anyString(), any(), any());
  }

  @Test
  void theListIsTheRepositorysPageWithUrlsForReadyItems() {
    Attachment ready = stored(member, AttachmentStatus.READY);
    Attachment pending = stored(member, AttachmentStatus.PENDING);
    CursorRequest first = CursorRequest.first(20);
    when(attachments.list(task.id(), first))
        .thenReturn(new CursorPage<>(List.of(ready, pending), 20, null));
    when(storage.presignGet(eq(ready.storageKey()), any(), any()))
        .thenReturn(URI.create("https://files.example/r"));

    CursorPage<AttachmentView> page = service().list(member, task.id(), first);

    assertThat(page.items())
        .extracting(AttachmentView::downloadUrl)
        .containsExactly(URI.create("https://files.example/r"), null);
  }

  @Test
  void theUploaderTheOwnerAndManagersDeleteOtherMembersMayNot() {
    for (Actor allowed : List.of(member, owner, manager)) {
      Attachment attachment = stored(member, AttachmentStatus.READY);
      when(attachments.delete(attachment.id())).thenReturn(true);

      service().delete(allowed, attachment.id());

      InOrder order = inOrder(attachments, commit, storage);
      order.verify(attachments).delete(attachment.id());
      order.verify(commit).run();
      order.verify(storage).delete(attachment.storageKey());
    }
    Attachment other = stored(member, AttachmentStatus.READY);
    assertThatThrownBy(() -> service().delete(colleague, other.id()))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("attachment:delete");
    verify(attachments, never()).delete(other.id());
  }

  @Test
  void anArchivedProjectIsReadOnly() {
    Project archived = project.archive(NOW);
    when(projects.findById(project.id())).thenReturn(Optional.of(archived));
    Attachment attachment = stored(member, AttachmentStatus.READY);

    assertThatThrownBy(() -> service().upload(member, task.id(), file("a.txt", "text/plain", "x")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> service().delete(member, attachment.id()))
        .isInstanceOf(ConflictException.class);
    verify(storage, never()).put(anyString(), any(), anyLong(), anyString(), any());
    verify(attachments, never()).delete(any());
  }

  @Test
  void anAttachmentWhoseTaskIsGoneIsNotFound() {
    Attachment attachment = stored(member, AttachmentStatus.READY);
    when(tasks.findById(task.id())).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service().get(member, attachment.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Attachment not found");
  }
}
