package dev.worklane.adapter.out.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key of the local store's signed URLs: {@code WORKLANE_STORAGE_SIGNING_SECRET} when set,
 * else a random one generated once into {@code $WORKLANE_DATA_DIR/storage-signing-secret}, so
 * instances sharing the configuration or the data directory accept each other's links and a restart
 * does not void the links already handed out. Never logged.
 */
public final class SigningSecret {
  static final int MIN_CONFIGURED_LENGTH = 32;
  private static final Logger LOG = LoggerFactory.getLogger(SigningSecret.class);

  private SigningSecret() {}

  public static byte[] load(String configured, Path file) {
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < MIN_CONFIGURED_LENGTH) {
        throw new IllegalStateException(
            "WORKLANE_STORAGE_SIGNING_SECRET must be at least "
                + MIN_CONFIGURED_LENGTH
                + " characters");
      }
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    if (file == null) {
      throw new IllegalStateException(
          "No link signing secret: set WORKLANE_STORAGE_SIGNING_SECRET");
    }
    try {
      if (!Files.exists(file)) {
        generate(file);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
      if (secret.length < 32) {
        throw new IllegalStateException("The link signing secret file holds fewer than 32 bytes");
      }
      return secret;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the link signing secret file: " + e.getClass().getSimpleName(), e);
    }
  }

  /** A temporary file linked into place: a second instance racing on the same directory loses. */
  private static void generate(Path file) throws IOException {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path tmp =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? Files.createTempFile(
                directory,
                ".storage-signing-secret",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(directory, ".storage-signing-secret", ".tmp");
    try {
      Files.writeString(tmp, Base64.getEncoder().encodeToString(secret), StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
      LOG.info("storage_signing_secret_generated file={}", file);
    } catch (FileAlreadyExistsException e) {
      // another instance generated it first
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
