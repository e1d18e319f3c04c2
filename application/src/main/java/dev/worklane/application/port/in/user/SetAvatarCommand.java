package dev.worklane.application.port.in.user;

import java.io.InputStream;

/**
 * The uploaded image as a stream, read once and not closed by the use case. The type a client
 * declared is not part of it: only the bytes decide.
 */
public record SetAvatarCommand(InputStream content) {
  public SetAvatarCommand {
    if (content == null) {
      throw new IllegalArgumentException("an avatar upload needs its content");
    }
  }
}
