package dev.worklane.application.port.in.attachment;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.UploadPolicy;
import dev.worklane.domain.task.TaskId;

/**
 * Files attached to tasks. Members of the task's project upload and read them (task:write,
 * task:read); the uploader, the project's owner and managers delete them. Outside the project an
 * attachment does not exist (404).
 */
public interface AttachmentUseCase {

  /**
   * Streams the file to storage under a key of the core's choosing, then records it PENDING and
   * asks for its {@code attachment.process} job in one transaction; nothing is left behind when
   * either step fails. Refuses a declared type off the allow-list (415) and a file over the size
   * limit (413, when the limit is crossed).
   */
  AttachmentView upload(Actor actor, TaskId task, UploadAttachmentCommand command);

  /** Newest first, by {@code (createdAt, id)}. */
  CursorPage<AttachmentView> list(Actor actor, TaskId task, CursorRequest cursor);

  AttachmentView get(Actor actor, AttachmentId id);

  /** Removes the row, then the object. */
  void delete(Actor actor, AttachmentId id);

  /** The size limit and accepted types, for early refusals and the API description. */
  UploadPolicy policy();
}
