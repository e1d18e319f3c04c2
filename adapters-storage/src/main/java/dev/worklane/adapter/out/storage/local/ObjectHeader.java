package dev.worklane.adapter.out.storage.local;

import dev.worklane.adapter.out.storage.StorageKeys;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fixed {@value #SIZE}-byte header in front of every stored file: a magic number, the
 * visibility and the content type. Keeping them in the object's own file (not a side file) means
 * one atomic rename publishes bytes and metadata together, and an object's size is its file's size
 * minus the header, without reading it.
 */
record ObjectHeader(ObjectVisibility visibility, String contentType) {
  static final int SIZE = 256;
  private static final byte[] MAGIC = "WLOBJ01\n".getBytes(StandardCharsets.US_ASCII);

  ByteBuffer encode() {
    byte[] type = contentType.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buffer = ByteBuffer.allocate(SIZE);
    buffer.put(MAGIC);
    buffer.put((byte) (visibility == ObjectVisibility.PUBLIC ? 'P' : 'R'));
    buffer.put((byte) type.length);
    buffer.put(type);
    buffer.position(SIZE);
    return buffer.flip();
  }

  static ObjectHeader read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(SIZE);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, buffer.position()) < 0) {
        throw new IOException("stored object is truncated");
      }
    }
    byte[] bytes = buffer.array();
    if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("stored object has no Worklane header");
    }
    ObjectVisibility visibility =
        switch (bytes[MAGIC.length]) {
          case 'P' -> ObjectVisibility.PUBLIC;
          case 'R' -> ObjectVisibility.PRIVATE;
          default -> throw new IOException("stored object has an unknown visibility");
        };
    int length = bytes[MAGIC.length + 1] & 0xff;
    if (length > StorageKeys.MAX_CONTENT_TYPE_LENGTH) {
      throw new IOException("stored object has a malformed header");
    }
    String type = new String(bytes, MAGIC.length + 2, length, StandardCharsets.US_ASCII);
    return new ObjectHeader(visibility, type);
  }
}
