package dev.worklane.adapter.in.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.in.web.support.StreamingMultipart.MalformedMultipartException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.PayloadTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class StreamingMultipartTest {
  private static final String BOUNDARY = "b0undary";

  @Test
  void handsOverTheNamedFilePartWithTheClientsNameAndTypeAfterSkippingOtherParts() {
    byte[] file = "hello, world".getBytes(StandardCharsets.UTF_8);
    byte[] body =
        multipart(
            field("note", "ignored") + fileHead("file", "../../etc/passwd", "text/plain"),
            file,
            "\r\n--" + BOUNDARY + "--\r\n");

    String result =
        StreamingMultipart.readFile(
            request(body, true),
            "file",
            1024,
            part ->
                part.fileName()
                    + "|"
                    + part.contentType()
                    + "|"
                    + new String(read(part.content())));

    assertThat(result).isEqualTo("../../etc/passwd|text/plain|hello, world");
  }

  @Test
  void decodesAnRfc5987FileNameAndKeepsRawUtf8AndNul() {
    byte[] body =
        multipart(
            "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\n",
            new byte[] {1},
            "\r\n--" + BOUNDARY + "--\r\n");
    assertThat(
            StreamingMultipart.readFile(
                request(body, true), "file", 10, StreamingMultipart.FilePart::fileName))
        .isEqualTo("€ rates.txt");

    byte[] raw = multipart(fileHead("file", "é\u0000x", null), new byte[] {1}, end());
    assertThat(
            StreamingMultipart.readFile(
                request(raw, true), "file", 10, StreamingMultipart.FilePart::fileName))
        .isEqualTo("é\u0000x");
  }

  @Test
  void refusesADeclaredLengthAboveTheLimitBeforeReadingAByte() {
    byte[] body =
        multipart(fileHead("file", "big.bin", "application/zip"), new byte[100_000], end());
    NeverRead request = new NeverRead(request(body, true));

    assertThatThrownBy(
            () ->
                StreamingMultipart.readFile(request, "file", 10_000, part -> read(part.content())))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(request.reads).isZero();
  }

  @Test
  void cutsOffAStreamedFileOnTheFirstByteOverTheLimit() {
    byte[] body = multipart(fileHead("file", "big.bin", "application/zip"), new byte[5_000], end());
    AtomicLong consumed = new AtomicLong();

    assertThatThrownBy(
            () ->
                StreamingMultipart.readFile(
                    request(body, false),
                    "file",
                    4_096,
                    part -> {
                      byte[] buffer = new byte[1000];
                      try (InputStream in = part.content()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                          consumed.addAndGet(n);
                        }
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                      return null;
                    }))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(consumed.get()).isLessThanOrEqualTo(4_096);
  }

  @Test
  void findsTheLimitInsideWhateverTheConsumerWrappedItIn() {
    byte[] body = multipart(fileHead("file", "big.bin", "image/png"), new byte[5_000], end());

    assertThatThrownBy(
            () ->
                StreamingMultipart.readFile(
                    request(body, false),
                    "file",
                    1_000,
                    part -> {
                      try {
                        return read(part.content());
                      } catch (RuntimeException e) {
                        throw new IllegalStateException("storage wrote nothing", e);
                      }
                    }))
        .isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void aBodyWithoutTheFilePartIsAValidationFailure() {
    byte[] body = multipart(field("other", "x"), new byte[0], "--" + BOUNDARY + "--\r\n");

    assertThatThrownBy(
            () -> StreamingMultipart.readFile(request(body, true), "file", 10, part -> null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("file");
  }

  @Test
  void aTruncatedBodyIsMalformed() {
    byte[] body = multipart(fileHead("file", "a.txt", "text/plain"), new byte[300], "");

    assertThatThrownBy(
            () ->
                StreamingMultipart.readFile(
                    request(body, true), "file", 1_000, part -> read(part.content())))
        .isInstanceOf(MalformedMultipartException.class);
  }

  @Test
  void aMultipartTypeWithoutBoundaryIsMalformed() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload");
    request.setContentType("multipart/form-data");
    request.setContent(new byte[10]);

    assertThatThrownBy(() -> StreamingMultipart.readFile(request, "file", 1_000, part -> null))
        .isInstanceOf(MalformedMultipartException.class);
  }

  private static String field(String name, String value) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static String fileHead(String name, String fileName, String type) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + fileName
        + "\"\r\n"
        + (type == null ? "" : "Content-Type: " + type + "\r\n")
        + "\r\n";
  }

  private static String end() {
    return "\r\n--" + BOUNDARY + "--\r\n";
  }

  private static byte[] multipart(String head, byte[] content, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static HttpServletRequest request(byte[] body, boolean withLength) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload");
    request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
    request.setContent(body);
    if (withLength) {
      return request;
    }
    return new HttpServletRequestWrapper(request) {
      @Override
      public long getContentLengthLong() {
        return -1;
      }

      @Override
      public int getContentLength() {
        return -1;
      }
    };
  }

  private static byte[] read(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts every read of the body: a refusal by declared length must make none. */
  private static final class NeverRead extends HttpServletRequestWrapper {
    int reads;

    NeverRead(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          reads++;
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          reads++;
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }
}
