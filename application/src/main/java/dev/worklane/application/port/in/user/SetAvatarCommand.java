package dev.worklane.application.port.in.user;

import java.io.InputStream;

/**
 * The uploaded image as a stream, read once and not closed by the use case. The type a client
 * declared is not part of it: only the bytes decide.
 */
public record SetAvatarCommand(InputStream content) {
  /** The input that errors about the image name: the upload's {@code file} part. */
  public static final String FIELD = "file";

  public SetAvatarCommand {
    if (content == null) {
      throw new IllegalArgumentException("an avatar upload needs its content");
    }
  }
}
