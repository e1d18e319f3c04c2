package dev.worklane.adapter.in.web.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold generated secrets (signing keys, the cursor key). */
public final class SecretFiles {
  private SecretFiles() {}

  /**
   * A new temporary file in {@code dir}, readable and writable by its owner only, to be written and
   * then moved or linked into place (so nobody ever reads a half-written secret).
   */
  public static Path ownerOnlyTempFile(Path dir, String prefix) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, prefix, ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // non-POSIX file system: rely on the directory's permissions
    }
    return tmp;
  }
}
