package dev.worklane.application.service.attachment;

import dev.worklane.application.job.AttachmentJobs;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.attachment.AttachmentUseCase;
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
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.project.ProjectAccess;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.MediaTypes;
import dev.worklane.domain.attachment.UploadPolicy;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.Role;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * Attachments of tasks. An upload stores the object first and commits its row (PENDING, with the
 * {@code attachment.process} job in the same transaction) second: a row therefore never names a
 * missing object, and an object whose row never committed is deleted at once, or by the sweeper if
 * this process dies in between. Deleting goes the other way round: row first, then object.
 */
public final class AttachmentService implements AttachmentUseCase {
  private static final System.Logger LOG = System.getLogger(AttachmentService.class.getName());

  /** Permission name of the 403 when a member who may not delete an attachment tries. */
  static final String DELETE_PERMISSION = "attachment:delete";

  private final AttachmentRepository attachments;
  private final TaskRepository tasks;
  private final ProjectAccess access;
  private final ObjectStorage storage;
  private final Jobs jobs;
  private final Transactions transactions;
  private final AttachmentSettings settings;
  private final Clock clock;

  public AttachmentService(
      AttachmentRepository attachments,
      TaskRepository tasks,
      ProjectRepository projects,
      Cache cache,
      ObjectStorage storage,
      Jobs jobs,
      Transactions transactions,
      AttachmentSettings settings,
      Clock clock) {
    this.attachments = attachments;
    this.tasks = tasks;
    this.access = new ProjectAccess(projects, cache);
    this.storage = storage;
    this.jobs = jobs;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  /** Where an attachment's bytes live: chosen here, never derived from the client's name. */
  static String storageKey(TaskId task, AttachmentId id) {
    return "attachments/" + task + "/" + id;
  }

  @Override
  public AttachmentView upload(Actor actor, TaskId taskId, UploadAttachmentCommand command) {
    Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("Task"));
    visible(actor, task, "Task").requireTaskWrite(actor);
    String declaredType = MediaTypes.normalise(command.contentType());
    policy().requireAllowed(declaredType);

    AttachmentId id = AttachmentId.random();
    String key = storageKey(taskId, id);
    SourceStream source = new SourceStream(command.content(), policy().maxBytes());
    StoredObject stored;
    try {
      stored = storage.put(key, source, -1, declaredType, ObjectVisibility.PRIVATE);
    } catch (RuntimeException e) {
      // The store leaves nothing of a failed put; the source's own failure is the answer.
      throw source.failureOr(e);
    }
    try {
      Attachment saved =
          transactions.inTransaction(
              () -> {
                Attachment added =
                    attachments.add(
                        Attachment.uploaded(
                            id,
                            taskId,
                            command.fileName(),
                            declaredType,
                            stored.sizeBytes(),
                            key,
                            actor.userId(),
                            clock.instant()));
                jobs.enqueue(AttachmentJobs.process(id));
                return added;
              });
      return view(saved);
    } catch (RuntimeException e) {
      deleteObjectQuietly(key);
      throw e;
    }
  }

  @Override
  public CursorPage<AttachmentView> list(Actor actor, TaskId taskId, CursorRequest cursor) {
    Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("Task"));
    visible(actor, task, "Task");
    return attachments.list(taskId, cursor).map(this::view);
  }

  @Override
  public AttachmentView get(Actor actor, AttachmentId id) {
    Attachment attachment = readable(actor, id).attachment();
    return view(attachment);
  }

  @Override
  public void delete(Actor actor, AttachmentId id) {
    Readable readable = readable(actor, id);
    Attachment attachment = readable.attachment();
    ProjectAccess.Visible visible = readable.visible();
    boolean uploader =
        attachment.uploadedBy().equals(actor.userId()) && visible.membership().isPresent();
    boolean owner = visible.membership().map(ProjectMember::isOwner).orElse(false);
    boolean manager = actor.roles().stream().anyMatch(role -> role.includes(Role.MANAGER));
    if (!uploader && !owner && !manager) {
      throw new ForbiddenException(DELETE_PERMISSION);
    }
    visible.project().requireWritable();
    transactions.inTransaction(() -> attachments.delete(id));
    deleteObjectQuietly(attachment.storageKey());
  }

  @Override
  public UploadPolicy policy() {
    return settings.policy();
  }

  private Readable readable(Actor actor, AttachmentId id) {
    Attachment attachment = attachments.findById(id).orElseThrow(AttachmentService::notFound);
    Task task = tasks.findById(attachment.taskId()).orElseThrow(AttachmentService::notFound);
    return new Readable(attachment, visible(actor, task, "Attachment"));
  }

  private record Readable(Attachment attachment, ProjectAccess.Visible visible) {}

  /** What lies in a project the caller cannot see is as unknown as the project. */
  private ProjectAccess.Visible visible(Actor actor, Task task, String what) {
    try {
      return access.visible(actor, task.projectId());
    } catch (NotFoundException e) {
      throw new NotFoundException(what);
    }
  }

  private AttachmentView view(Attachment attachment) {
    if (!attachment.isReady()) {
      return new AttachmentView(attachment, null, null);
    }
    Instant expires = clock.instant().plus(settings.downloadValidity());
    URI url =
        storage.presignGet(
            attachment.storageKey(),
            settings.downloadValidity(),
            new DownloadDisposition(attachment.fileName(), attachment.servedType()));
    return new AttachmentView(attachment, url, expires);
  }

  /** A failed delete leaves an object without a row: the sweeper's to remove later. */
  private void deleteObjectQuietly(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "attachment_object_delete_failed key={0} error={1}",
          key,
          e.getClass().getSimpleName());
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Attachment");
  }
}
