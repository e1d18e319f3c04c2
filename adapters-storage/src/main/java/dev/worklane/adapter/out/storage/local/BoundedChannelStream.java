package dev.worklane.adapter.out.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads {@code length} bytes of a file from {@code position} on; closing it closes the channel. */
final class BoundedChannelStream extends InputStream {
  private final FileChannel channel;
  private long position;
  private long remaining;

  BoundedChannelStream(FileChannel channel, long position, long length) {
    this.channel = channel;
    this.position = position;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (remaining <= 0) {
      return -1;
    }
    int wanted = (int) Math.min(length, remaining);
    int read = channel.read(ByteBuffer.wrap(target, offset, wanted), position);
    if (read < 0) {
      remaining = 0;
      return -1;
    }
    position += read;
    remaining -= read;
    return read;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, remaining));
    position += skipped;
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
