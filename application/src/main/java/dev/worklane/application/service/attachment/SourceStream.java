package dev.worklane.application.service.attachment;

import dev.worklane.domain.common.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The client's bytes on their way to storage: counted against the size limit (the read past it
 * throws {@link PayloadTooLargeException}) and watched for the source's own failures, so that when
 * the store's {@code put} fails the use case can tell "the upload broke" (the client's doing: its
 * exception goes back up unchanged) from "the store broke".
 */
final class SourceStream extends FilterInputStream {
  private final long limit;
  private long count;
  private RuntimeException failure;

  SourceStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = watched(() -> super.read());
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = watched(() -> super.read(buffer, offset, length));
    if (n > 0) {
      count(n);
    }
    return n;
  }

  /**
   * What the use case should throw for {@code storeFailure}: the source's failure when the source
   * failed first, else the store's.
   */
  RuntimeException failureOr(RuntimeException storeFailure) {
    return failure != null ? failure : storeFailure;
  }

  private void count(int n) {
    count += n;
    if (count > limit) {
      failure = new PayloadTooLargeException("file", limit);
      throw failure;
    }
  }

  private int watched(IoRead read) throws IOException {
    try {
      return read.run();
    } catch (IOException e) {
      failure = new UncheckedIOException(e);
      throw e;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  @FunctionalInterface
  private interface IoRead {
    int run() throws IOException;
  }
}
