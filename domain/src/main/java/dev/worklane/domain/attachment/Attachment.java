package dev.worklane.domain.attachment;

import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.Require;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A file attached to a task. Created PENDING once its bytes are stored under {@code storageKey} (a
 * key the core chose, never the client's name); the processing job then records the SHA-256 and the
 * type sniffed from the bytes and makes it READY or REJECTED with a reason. {@code fileName} is the
 * sanitised client name ({@link FileNames}), {@code declaredType} the client's type reduced to
 * {@code type/subtype} ({@link MediaTypes#normalise}).
 */
public record Attachment(
    AttachmentId id,
    TaskId taskId,
    String fileName,
    String declaredType,
    String sniffedType,
    long sizeBytes,
    String sha256,
    String storageKey,
    AttachmentStatus status,
    String rejectionReason,
    UserId uploadedBy,
    Instant createdAt) {
  public static final int REASON_MAX = 500;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Attachment {
    Require.present(id, "id");
    Require.present(taskId, "taskId");
    Require.present(fileName, "fileName");
    Require.present(declaredType, "declaredType");
    Require.present(storageKey, "storageKey");
    Require.present(status, "status");
    Require.present(uploadedBy, "uploadedBy");
    Require.present(createdAt, "createdAt");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative");
    }
    if (sha256 != null && !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    if (status == AttachmentStatus.READY && (sha256 == null || sniffedType == null)) {
      throw new IllegalArgumentException("a READY attachment has its checksum and sniffed type");
    }
    if (status == AttachmentStatus.REJECTED && rejectionReason == null) {
      throw new IllegalArgumentException("a REJECTED attachment says why");
    }
  }

  /** A new upload whose bytes are stored: PENDING, its name and type as safe values. */
  public static Attachment uploaded(
      AttachmentId id,
      TaskId taskId,
      String clientFileName,
      String declaredType,
      long sizeBytes,
      String storageKey,
      UserId uploadedBy,
      Instant now) {
    return new Attachment(
        id,
        taskId,
        FileNames.sanitise(clientFileName),
        MediaTypes.normalise(declaredType),
        null,
        sizeBytes,
        null,
        storageKey,
        AttachmentStatus.PENDING,
        null,
        uploadedBy,
        now);
  }

  public boolean isPending() {
    return status == AttachmentStatus.PENDING;
  }

  public boolean isReady() {
    return status == AttachmentStatus.READY;
  }

  /**
   * What the processing job found in the bytes: READY when the sniffed type agrees with the
   * declared one and is accepted by {@code policy}, otherwise REJECTED with the reason.
   */
  public Attachment processed(String sha256, long size, String sniffed, UploadPolicy policy) {
    if (!isPending()) {
      throw new ConflictException("ATTACHMENT_PROCESSED", "The attachment was processed already");
    }
    String sniffedType = MediaTypes.normalise(sniffed);
    String reason = null;
    if (!MediaTypes.agree(declaredType, sniffedType)) {
      reason = "the content is " + sniffedType + ", not the declared " + declaredType;
    } else if (!policy.allows(MediaTypes.served(declaredType, sniffedType))) {
      reason = "content of type " + sniffedType + " is not accepted";
    }
    return new Attachment(
        id,
        taskId,
        fileName,
        declaredType,
        sniffedType,
        size,
        sha256,
        storageKey,
        reason == null ? AttachmentStatus.READY : AttachmentStatus.REJECTED,
        reason,
        uploadedBy,
        createdAt);
  }

  /** Processing found no bytes to check (the object vanished): REJECTED, never READY. */
  public Attachment withoutContent() {
    if (!isPending()) {
      throw new ConflictException("ATTACHMENT_PROCESSED", "The attachment was processed already");
    }
    return new Attachment(
        id,
        taskId,
        fileName,
        declaredType,
        null,
        sizeBytes,
        null,
        storageKey,
        AttachmentStatus.REJECTED,
        "the uploaded content is missing",
        uploadedBy,
        createdAt);
  }

  /** The type downloads are served as: derived from the bytes, never the client's word alone. */
  public String servedType() {
    return sniffedType == null
        ? MediaTypes.OCTET_STREAM
        : MediaTypes.served(declaredType, sniffedType);
  }
}
