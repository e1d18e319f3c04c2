package dev.worklane.bootstrap.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock that says "a live Worklane runs the embedded server of this directory". The
 * operating system releases it when the JVM dies, however it dies; so whoever holds it knows that
 * any server still running on the directory was left behind by a crashed owner and may be stopped,
 * and whoever cannot get it must not touch that server (another Worklane is using it).
 */
public final class DirectoryOwnership implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryOwnership(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock file, or fails at once when another process (or this JVM) holds it.
   *
   * @param what the server, for the message: "embedded PostgreSQL in /…/postgres"
   */
  public static DirectoryOwnership acquire(Path lockFile, String what) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DirectoryOwnership(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // This JVM already owns it: a second server on the same directory would fight the first.
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot lock " + lockFile, e);
    }
    closeQuietly(channel);
    throw new IllegalStateException(
        "The "
            + what
            + " belongs to another running Worklane (it holds "
            + lockFile
            + "); stop it or give this one another WORKLANE_DATA_DIR");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was locked through it.
    }
  }
}
