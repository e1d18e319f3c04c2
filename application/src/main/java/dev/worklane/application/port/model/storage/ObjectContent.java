package dev.worklane.application.port.model.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An opened object (or a range of it). {@code length} is the byte count of {@code stream}; {@code
 * totalSize} the size of the whole object (for {@code Content-Range}). Close it when done.
 */
public record ObjectContent(
    InputStream stream, long length, long totalSize, String contentType, boolean partial)
    implements AutoCloseable {

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
