package dev.worklane.adapter.in.web.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of the cursor MAC: {@code WORKLANE_CURSOR_SECRET} when set, else a random one generated
 * once into {@code $WORKLANE_DATA_DIR/cursor-secret} (like the JWT keys), so instances sharing the
 * configuration or the data directory accept each other's cursors. Never logged.
 */
public final class CursorSecret {
  static final int MIN_CONFIGURED_LENGTH = 32;
  private static final Logger LOG = LoggerFactory.getLogger(CursorSecret.class);

  private CursorSecret() {}

  public static byte[] load(String configured, Path file) {
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < MIN_CONFIGURED_LENGTH) {
        throw new IllegalStateException(
            "WORKLANE_CURSOR_SECRET must be at least " + MIN_CONFIGURED_LENGTH + " characters");
      }
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    if (file == null) {
      throw new IllegalStateException("No cursor secret: set WORKLANE_CURSOR_SECRET");
    }
    try {
      if (!Files.exists(file)) {
        generate(file);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
      if (secret.length < 32) {
        throw new IllegalStateException("The cursor secret file holds fewer than 32 bytes");
      }
      return secret;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the cursor secret file: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Writes a temporary file and links it into place: the link fails if another instance on the same
   * directory won the race, and then both use the winner's secret.
   */
  private static void generate(Path file) throws IOException {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path tmp = SecretFiles.ownerOnlyTempFile(file.toAbsolutePath().getParent(), "cursor-secret");
    try {
      Files.writeString(tmp, Base64.getEncoder().encodeToString(secret), StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
      LOG.info("cursor_secret_generated file={}", file);
    } catch (FileAlreadyExistsException e) {
      // another instance generated it first
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
