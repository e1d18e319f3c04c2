package dev.worklane.adapter.in.web.attachment;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.attachment.AttachmentUseCase;
import dev.worklane.application.port.in.attachment.AttachmentView;
import dev.worklane.application.port.in.attachment.UploadAttachmentCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.UploadPolicy;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.UnsupportedMediaTypeException;
import dev.worklane.domain.task.TaskId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class AttachmentControllerTest extends WebSlice {
  private static final String BOUNDARY = "slice-boundary";

  @Autowired AttachmentUseCase useCase;

  final Actor actor = WebSlice.actor();
  final TaskId task = TaskId.random();
  final Attachment pending =
      Attachment.uploaded(
          AttachmentId.random(),
          task,
          "passwd",
          "text/plain",
          5,
          "attachments/" + task + "/x",
          actor.userId(),
          WebSlice.NOW);

  @BeforeEach
  void policy() {
    given(useCase.policy()).willReturn(new UploadPolicy(1_000, Set.of("text/plain")));
  }

  static byte[] multipart(String fileName, String type, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  MockHttpServletRequestBuilder upload(String version, byte[] body) {
    return post("/api/{version}/tasks/{id}/attachments", version, task.value())
        .with(bearer(actor))
        .contentType("multipart/form-data; boundary=" + BOUNDARY)
        .content(body);
  }

  @Test
  void anUploadStreamsThePartToTheUseCaseAndAnswers201Pending() throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    given(useCase.upload(eq(actor), eq(task), any()))
        .willAnswer(
            inv -> {
              UploadAttachmentCommand command = inv.getArgument(2);
              try {
                received.set(
                    command.fileName()
                        + "|"
                        + command.contentType()
                        + "|"
                        + new String(command.content().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return new AttachmentView(pending, null, null);
            });

    mvc.perform(upload("v2", multipart("../../etc/passwd", "text/plain", "hello".getBytes())))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v2/attachments/" + pending.id()))
        .andExpect(jsonPath("$.data.id", is(pending.id().toString())))
        .andExpect(jsonPath("$.data.fileName", is("passwd")))
        .andExpect(jsonPath("$.data.status", is("PENDING")))
        .andExpect(jsonPath("$.data.downloadUrl", nullValue()))
        .andExpect(jsonPath("$.data.sha256", nullValue()));
    assertThat(received.get()).isEqualTo("../../etc/passwd|text/plain|hello");
  }

  @Test
  void v1UploadsAreTheSameUnderTheDeprecationHeaders() throws Exception {
    given(useCase.upload(eq(actor), eq(task), any()))
        .willReturn(new AttachmentView(pending, null, null));

    mvc.perform(upload("v1", multipart("a.txt", "text/plain", "x".getBytes())))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/attachments/" + pending.id()))
        .andExpect(deprecatedV1("/api/v2/tasks/" + task + "/attachments"));
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeTheUseCaseIsAsked() throws Exception {
    mvc.perform(upload("v2", multipart("big.txt", "text/plain", new byte[70_000 + 1_000])))
        .andExpect(problem(413, "PAYLOAD_TOO_LARGE"));
    then(useCase).should(never()).upload(any(), any(), any());
  }

  @Test
  void aTypeOffTheAllowListIs415() throws Exception {
    given(useCase.upload(eq(actor), eq(task), any()))
        .willThrow(new UnsupportedMediaTypeException("file", "text/html"));

    mvc.perform(upload("v2", multipart("a.html", "text/html", "<p>".getBytes())))
        .andExpect(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
  }

  @Test
  void aBodyThatIsNotMultipartIs415AndOneWithoutAFilePartIs400() throws Exception {
    mvc.perform(
            post("/api/v2/tasks/{id}/attachments", task.value())
                .with(bearer(actor))
                .contentType("application/json")
                .content("{}"))
        .andExpect(problem(415, "UNSUPPORTED_MEDIA_TYPE"));

    byte[] noFile =
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + BOUNDARY
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    mvc.perform(upload("v2", noFile)).andExpect(problem(400, "VALIDATION_FAILED"));
    then(useCase).should(never()).upload(any(), any(), any());
  }

  @Test
  void aBrokenMultipartBodyIs400MalformedBody() throws Exception {
    byte[] truncated = "--slice-boundary\r\nContent-Disposition: form-da".getBytes();
    mvc.perform(upload("v2", truncated)).andExpect(problem(400, "MALFORMED_BODY"));
  }

  @Test
  void theListIsACursorPageAndGetCarriesTheDownloadUrl() throws Exception {
    Attachment ready = pending.processed("d".repeat(64), 5, "text/plain", UploadPolicy.defaults());
    URI url = URI.create("http://localhost/files/signed?x=1");
    AttachmentView view = new AttachmentView(ready, url, WebSlice.NOW.plusSeconds(3600));
    given(useCase.list(eq(actor), eq(task), any()))
        .willReturn(new CursorPage<>(List.of(view), 20, null));
    given(useCase.get(actor, ready.id())).willReturn(view);

    mvc.perform(get("/api/v2/tasks/{id}/attachments", task.value()).with(bearer(actor)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data[0].status", is("READY")))
        .andExpect(jsonPath("$.data[0].downloadUrl", is(url.toString())))
        .andExpect(jsonPath("$.meta.nextCursor", nullValue()));
    mvc.perform(get("/api/v1/attachments/{id}", ready.id().value()).with(bearer(actor)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.sha256", is("d".repeat(64))))
        .andExpect(jsonPath("$.data.detectedType", is("text/plain")))
        .andExpect(jsonPath("$.data.downloadUrl", is(url.toString())))
        .andExpect(
            jsonPath("$.data.downloadUrlExpiresAt", is(WebSlice.NOW.plusSeconds(3600).toString())));
  }

  @Test
  void deleteIs204AndAnUnknownAttachmentIs404() throws Exception {
    mvc.perform(delete("/api/v2/attachments/{id}", pending.id().value()).with(bearer(actor)))
        .andExpect(status().isNoContent());
    then(useCase).should().delete(actor, pending.id());

    AttachmentId unknown = AttachmentId.random();
    given(useCase.get(actor, unknown)).willThrow(new NotFoundException("Attachment"));
    mvc.perform(get("/api/v2/attachments/{id}", unknown.value()).with(bearer(actor)))
        .andExpect(problem(404, "NOT_FOUND"));
  }
}
