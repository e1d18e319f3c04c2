package dev.worklane.application.port.in.attachment;

import java.io.InputStream;
import java.util.Objects;

/**
 * A file to attach, as the client sent it: its name and declared type are untrusted (the core
 * sanitises the one and checks the other), {@code content} is read once, as it arrives, and never
 * held whole.
 */
public record UploadAttachmentCommand(String fileName, String contentType, InputStream content) {
  public UploadAttachmentCommand {
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String toString() {
    return "UploadAttachmentCommand[contentType=" + contentType + "]";
  }
}
