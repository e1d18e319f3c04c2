package dev.worklane.domain.attachment;

import dev.worklane.domain.common.Require;
import java.util.UUID;

public record AttachmentId(UUID value) {
  public AttachmentId {
    Require.present(value, "attachmentId");
  }

  public static AttachmentId random() {
    return new AttachmentId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
