package dev.worklane.adapter.in.web.attachment;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.adapter.in.web.support.StreamingMultipart;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.attachment.AttachmentUseCase;
import dev.worklane.application.port.in.attachment.AttachmentView;
import dev.worklane.application.port.in.attachment.UploadAttachmentCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.task.TaskId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files attached to tasks, the same in v1 and v2. An upload is {@code multipart/form-data} with one
 * part named {@code file}, streamed to storage while it arrives ({@link StreamingMultipart}); it is
 * answered 201 PENDING, and becomes READY (with a signed {@code downloadUrl}) or REJECTED once the
 * {@code attachment.process} job has read it.
 */
@RestController
@RequestMapping(path = ApiPaths.VERSIONED, produces = MediaType.APPLICATION_JSON_VALUE)
public class AttachmentController {
  static final String FILE_PART = "file";
  private static final String TASK_ATTACHMENTS =
      ApiPaths.TASKS + "/{taskId}" + ApiPaths.ATTACHMENTS;
  private static final String ATTACHMENT = ApiPaths.ATTACHMENTS + "/{id}";

  private final AttachmentUseCase attachments;
  private final Envelopes envelopes;
  private final CursorCodec cursors;

  public AttachmentController(
      AttachmentUseCase attachments, Envelopes envelopes, CursorCodec cursors) {
    this.attachments = attachments;
    this.envelopes = envelopes;
    this.cursors = cursors;
  }

  /** The cursor of one task's attachment list is refused by every other list. */
  static String listName(TaskId task) {
    return "attachments:" + task;
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @Operation(
      summary = "Attach a file to a task",
      description =
          "Members of the task's project upload; the file is streamed to storage, answered"
              + " PENDING and processed by the `attachment.process` job (SHA-256, type read from"
              + " the bytes) into READY or REJECTED.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description =
                  "One part named `file`: its bytes, its file name (sanitised before it is"
                      + " stored or shown) and its Content-Type, which must be on the allow-list"
                      + " (`WORKLANE_UPLOAD_ALLOWED_TYPES`)",
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(type = "object", requiredProperties = FILE_PART),
                      schemaProperties =
                          @SchemaProperty(
                              name = FILE_PART,
                              schema =
                                  @Schema(
                                      type = "string",
                                      format = "binary",
                                      maxLength = 26_214_400,
                                      description = "The file (at most WORKLANE_MAX_UPLOAD)")),
                      encoding = @Encoding(name = FILE_PART, contentType = "*/*"))))
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "413",
      description =
          "`PAYLOAD_TOO_LARGE`: the file exceeds `WORKLANE_MAX_UPLOAD` (25 MB by default); refused"
              + " before reading when Content-Length says so, else on the first byte past it")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "415",
      description =
          "`UNSUPPORTED_MEDIA_TYPE`: the body is not multipart/form-data, or the file's declared"
              + " type is not on the allow-list")
  @PostMapping(
      path = TASK_ATTACHMENTS,
      version = ApiVersioning.V1_AND_LATER,
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // as the ResponseEntity says; springdoc reads only this
  ResponseEntity<ApiResponse<AttachmentResponse>> upload(
      Actor actor, @PathVariable UUID taskId, HttpServletRequest request) {
    AttachmentView created =
        StreamingMultipart.readFile(
            request,
            FILE_PART,
            attachments.policy().maxBytes(),
            part ->
                attachments.upload(
                    actor,
                    new TaskId(taskId),
                    new UploadAttachmentCommand(
                        part.fileName(), part.contentType(), part.content())));
    String root = ApiPaths.isV1(request.getRequestURI()) ? ApiPaths.V1 : ApiPaths.V2;
    return ResponseEntity.created(
            URI.create(root + ApiPaths.ATTACHMENTS + "/" + created.attachment().id()))
        .body(envelopes.of(toResponse(created)));
  }

  /** Newest first; cursor pages. */
  @Operation(
      summary = "List a task's attachments",
      description = "Newest first, in cursor pages; READY ones carry a signed `downloadUrl`.")
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = TASK_ATTACHMENTS, version = ApiVersioning.V1_AND_LATER)
  ApiResponse<List<AttachmentResponse>> list(
      Actor actor,
      @PathVariable UUID taskId,
      @RequestParam(name = PageParameters.CURSOR, required = false) String cursor,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    TaskId task = new TaskId(taskId);
    String list = listName(task);
    CursorPage<AttachmentView> page =
        attachments.list(actor, task, cursors.request(cursor, perPage, list));
    return envelopes.cursorPage(
        page.items().stream().map(AttachmentController::toResponse).toList(),
        page.perPage(),
        cursors.next(page, list));
  }

  @Operation(
      summary = "Read an attachment",
      description =
          "Its metadata and, when READY, a `downloadUrl` valid for one hour that serves the bytes"
              + " as an attachment with the type read from them.")
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = ATTACHMENT, version = ApiVersioning.V1_AND_LATER)
  ApiResponse<AttachmentResponse> get(Actor actor, @PathVariable UUID id) {
    return envelopes.of(toResponse(attachments.get(actor, new AttachmentId(id))));
  }

  @Operation(
      summary = "Delete an attachment",
      description = "By its uploader, the project's owner or a manager: the row, then the bytes.")
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @DeleteMapping(path = ATTACHMENT, version = ApiVersioning.V1_AND_LATER)
  ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
    attachments.delete(actor, new AttachmentId(id));
    return ResponseEntity.noContent().build();
  }

  static AttachmentResponse toResponse(AttachmentView view) {
    Attachment a = view.attachment();
    return new AttachmentResponse(
        a.id().value(),
        a.taskId().value(),
        a.fileName(),
        a.declaredType(),
        a.sniffedType(),
        a.sizeBytes(),
        a.sha256(),
        a.status(),
        a.rejectionReason(),
        a.uploadedBy().value(),
        a.createdAt(),
        view.downloadUrl(),
        view.downloadUrlExpiresAt());
  }
}
