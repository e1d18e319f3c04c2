package dev.worklane.adapter.in.web.support;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads the one file part of a {@code multipart/form-data} request as a stream while it arrives:
 * nothing is held in heap beyond a read buffer, nothing is spooled to a temporary file (Commons
 * FileUpload's item iterator over the raw request; the container's multipart parser is never
 * asked). For the upload endpoints ({@link ApiPaths#STREAMED_UPLOADS}), which {@code
 * BodySizeLimitFilter} leaves unbuffered.
 *
 * <p>The size limit holds as soon as it is crossed: a declared {@code Content-Length} above the
 * limit (plus {@link #ENVELOPE_BYTES} for boundaries and part headers) is refused before a byte is
 * read, and the file's stream throws {@link PayloadTooLargeException} on the read that passes the
 * limit, so a chunked or lying body is cut off there. Whoever consumes the stream (an object store)
 * sees that read fail and must leave nothing behind.
 *
 * <p>The first part named {@code field} is the file; parts before it are skipped, parts after it
 * are never read. Its file name is passed on as the client sent it (the core sanitises it).
 */
public final class StreamingMultipart {
  /** What a request may carry besides the file's bytes: boundaries, part headers, small fields. */
  public static final long ENVELOPE_BYTES = 64 * 1024;

  /**
   * Part headers may be long: a file name of 1 000 characters, percent-encoded in {@code
   * filename*}, takes up to 9 000 bytes.
   */
  private static final int MAX_PART_HEADER_BYTES = 16 * 1024;

  private StreamingMultipart() {}

  /** The file part: the client's file name and type (either may be null) and its bytes. */
  public record FilePart(String fileName, String contentType, InputStream content) {}

  /** Consumes the file part's stream, e.g. by storing it; runs while the request is read. */
  @FunctionalInterface
  public interface FilePartHandler<T> {
    T handle(FilePart part);
  }

  /**
   * Hands the part named {@code field} to {@code handler} as a stream of at most {@code
   * maxFileBytes} bytes and returns what the handler returns.
   *
   * @throws PayloadTooLargeException (413) when the body is declared, or turns out, larger
   * @throws MalformedMultipartException (400) when the body is not well-formed multipart
   * @throws InvalidInputException (400) when there is no part named {@code field}
   */
  public static <T> T readFile(
      HttpServletRequest request, String field, long maxFileBytes, FilePartHandler<T> handler) {
    if (request.getContentLengthLong() > maxFileBytes + ENVELOPE_BYTES) {
      throw new PayloadTooLargeException(field, maxFileBytes);
    }
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    upload.setMaxSize(maxFileBytes + ENVELOPE_BYTES);
    upload.setMaxPartHeaderSize(MAX_PART_HEADER_BYTES);
    FileItemInput part;
    try {
      part = find(upload.getItemIterator(request), field);
    } catch (IOException e) {
      throw translate(e, field, maxFileBytes);
    }
    if (part == null) {
      throw new InvalidInputException(field, "a file part named '" + field + "' is required");
    }
    InputStream content;
    try {
      content = new LimitedStream(part.getInputStream(), maxFileBytes, field);
    } catch (IOException e) {
      throw translate(e, field, maxFileBytes);
    }
    String fileName = upload.getFileName(part.getHeaders());
    try {
      return handler.handle(new FilePart(fileName, part.getContentType(), content));
    } catch (RuntimeException e) {
      throw translate(e, field, maxFileBytes);
    }
  }

  private static FileItemInput find(FileItemInputIterator parts, String field) throws IOException {
    while (parts.hasNext()) {
      FileItemInput part = parts.next();
      if (field.equals(part.getFieldName())) {
        return part;
      }
    }
    return null;
  }

  /**
   * A failure while the body was read, wherever it surfaced (an object store wraps the stream's
   * exception in its own): the limit is 413, a broken body 400; anything else is not the body's
   * fault and passes unchanged.
   */
  private static RuntimeException translate(Exception failure, String field, long maxFileBytes) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException tooLarge) {
        return tooLarge;
      }
      if (t instanceof FileUploadSizeException) {
        return new PayloadTooLargeException(field, maxFileBytes);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileUploadException) {
        return new MalformedMultipartException(t);
      }
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    // An I/O failure of the request itself before any part was handed out (client gone).
    return new MalformedMultipartException(failure);
  }

  /** The body is not well-formed multipart (no boundary, truncated, broken part headers). */
  public static final class MalformedMultipartException extends RuntimeException {
    MalformedMultipartException(Throwable cause) {
      super("malformed multipart body", cause);
    }
  }

  /** Counts the file's bytes and throws at the first byte past the limit. */
  private static final class LimitedStream extends FilterInputStream {
    private final long limit;
    private final String field;
    private long count;

    LimitedStream(InputStream in, long limit, String field) {
      super(in);
      this.limit = limit;
      this.field = field;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    /**
     * Fills as much of {@code buffer} as the part has: the multipart parser hands out at most its
     * own 4 KB buffer per read, and a consumer writing 4 KB at a time (a disk, a socket) would pay
     * a system call for each.
     */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int filled = 0;
      while (filled < length) {
        int n = super.read(buffer, offset + filled, length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        count(n);
      }
      return filled == 0 && length > 0 ? -1 : filled;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(field, limit);
      }
    }
  }
}
