package dev.worklane.adapter.in.web.file;

import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.file.FileDownloadUseCase;
import dev.worklane.application.port.in.file.FileLinkRejectedException;
import dev.worklane.application.port.in.file.FileLinkRejectedException.Reason;
import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.SignedFileLink;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.domain.common.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WebSlice.Context
class FileControllerTest extends WebSlice {
  static final String URL =
      "/files/download/attachments/a1?expires=1900000000&name=notes.txt&type=text/plain&signature=c2ln";
  static final byte[] BYTES = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @Autowired FileDownloadUseCase files;

  final SignedFileLink link =
      new SignedFileLink(
          "attachments/a1",
          Instant.ofEpochSecond(1_900_000_000L),
          new DownloadDisposition("notes.txt", "text/plain"),
          "c2ln");

  static ObjectContent stored(Optional<ByteRange> range) {
    if (range.isEmpty()) {
      return new ObjectContent(new ByteArrayInputStream(BYTES), 10, 10, "image/png", false);
    }
    int first = (int) range.get().first();
    int last = (int) range.get().last();
    return new ObjectContent(
        new ByteArrayInputStream(Arrays.copyOfRange(BYTES, first, last + 1)),
        last - first + 1,
        10,
        "image/png",
        true);
  }

  @Test
  void servesASignedDownloadAsAnAttachmentOfTheSignedType() throws Exception {
    given(files.openSigned(eq(link), any())).willAnswer(call -> stored(call.getArgument(1)));

    mvc.perform(get(URL))
        .andExpect(status().isOk())
        .andExpect(content().bytes(BYTES))
        .andExpect(header().string("Content-Type", "text/plain"))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"notes.txt\"; filename*=UTF-8''notes.txt"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Accept-Ranges", "bytes"))
        .andExpect(header().string("Content-Length", "10"))
        .andExpect(header().string("Content-Security-Policy", FileController.SANDBOX_POLICY));
  }

  @Test
  void answersARangeWith206AndOneBeyondTheEndWith416() throws Exception {
    given(files.openSigned(eq(link), any())).willAnswer(call -> stored(call.getArgument(1)));

    mvc.perform(get(URL).header("Range", "bytes=-3"))
        .andExpect(status().isPartialContent())
        .andExpect(content().string("789"))
        .andExpect(header().string("Content-Range", "bytes 7-9/10"))
        .andExpect(header().string("Content-Length", "3"));
    mvc.perform(get(URL).header("Range", "bytes=10-"))
        .andExpect(problem(416, "RANGE_NOT_SATISFIABLE"))
        .andExpect(header().string("Content-Range", "bytes */10"));
    mvc.perform(get(URL).header("Range", "items=1-2"))
        .andExpect(status().isOk())
        .andExpect(content().bytes(BYTES));
  }

  @Test
  void refusesEditedExpiredAndIncompleteLinksWith403() throws Exception {
    given(files.openSigned(eq(link), any()))
        .willThrow(new FileLinkRejectedException(Reason.INVALID));
    mvc.perform(get(URL)).andExpect(problem(403, "LINK_INVALID"));

    given(files.openSigned(eq(link), any()))
        .willThrow(new FileLinkRejectedException(Reason.EXPIRED));
    mvc.perform(get(URL)).andExpect(problem(403, "LINK_EXPIRED"));

    mvc.perform(get("/files/download/attachments/a1?expires=soon&name=a&type=a/b&signature=x"))
        .andExpect(problem(403, "LINK_INVALID"));
    mvc.perform(get("/files/download/attachments/a1?name=a&type=a/b&signature=x"))
        .andExpect(problem(403, "LINK_INVALID"));
  }

  @Test
  void answers503WithRetryAfterWhenStorageIsDown() throws Exception {
    given(files.openSigned(eq(link), any()))
        .willThrow(new StorageUnavailableException("local file storage read failed", null));

    mvc.perform(get(URL))
        .andExpect(problem(503, "STORAGE_UNAVAILABLE"))
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void aReadFailureBeforeTheFirstByteIsA503() throws Exception {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };
    given(files.openSigned(eq(link), any()))
        .willReturn(new ObjectContent(broken, 10, 10, "text/plain", false));

    mvc.perform(get(URL)).andExpect(problem(503, "STORAGE_UNAVAILABLE"));
  }

  @Test
  void servesPublicObjectsWithLongCacheHeadersAndTheirStoredType() throws Exception {
    given(files.openPublic(eq("avatars/u1/v2.png"), any()))
        .willAnswer(call -> stored(call.getArgument(1)));

    mvc.perform(get("/files/public/avatars/u1/v2.png"))
        .andExpect(status().isOk())
        .andExpect(content().bytes(BYTES))
        .andExpect(header().string("Content-Type", "image/png"))
        .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Cross-Origin-Resource-Policy", "cross-origin"))
        .andExpect(header().doesNotExist("Content-Disposition"));
  }

  @Test
  void answers404ForMissingPublicObjectsAndNeedsNoCredentials() throws Exception {
    given(files.openPublic(eq("avatars/none.png"), any())).willThrow(new NotFoundException("File"));

    mvc.perform(get("/files/public/avatars/none.png")).andExpect(problem(404, "NOT_FOUND"));
    then(files).should().openPublic(eq("avatars/none.png"), eq(Optional.empty()));
  }

  @Test
  void aSignedLinkNeedsNoBearerTokenButABadOneIsStillChecked() throws Exception {
    verifyNoInteractions(files);
    given(files.openSigned(eq(link), any())).willAnswer(call -> stored(call.getArgument(1)));

    mvc.perform(get(URL).header("Authorization", "Bearer not-a-token"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get(URL)).andExpect(status().isOk());
  }
}
