package dev.worklane.adapter.out.persistence.attachment;

import dev.worklane.adapter.out.persistence.support.AssignedIdEntity;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code attachments}; never leaves this package. Inserted and read through JPA; the
 * processing outcome is one conditional UPDATE ({@link AttachmentJpaRepository}), so nothing saves
 * a loaded entity back.
 */
@Entity
@Table(name = "attachments")
class AttachmentEntity extends AssignedIdEntity {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private UUID id;

  @Column(name = "task_id", nullable = false, updatable = false)
  private UUID taskId;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "declared_type", nullable = false, length = 191)
  private String declaredType;

  @Column(name = "sniffed_type", length = 191)
  private String sniffedType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "sha256", length = 64)
  private String sha256;

  @Column(name = "storage_key", nullable = false, updatable = false, length = 500)
  private String storageKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private AttachmentStatus status;

  @Column(name = "rejection_reason", length = 500)
  private String rejectionReason;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private UUID uploadedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected AttachmentEntity() {}

  @Override
  public UUID getId() {
    return id;
  }

  static AttachmentEntity from(Attachment attachment) {
    AttachmentEntity entity = new AttachmentEntity();
    entity.id = attachment.id().value();
    entity.taskId = attachment.taskId().value();
    entity.fileName = attachment.fileName();
    entity.declaredType = attachment.declaredType();
    entity.sniffedType = attachment.sniffedType();
    entity.sizeBytes = attachment.sizeBytes();
    entity.sha256 = attachment.sha256();
    entity.storageKey = attachment.storageKey();
    entity.status = attachment.status();
    entity.rejectionReason = attachment.rejectionReason();
    entity.uploadedBy = attachment.uploadedBy().value();
    entity.createdAt = attachment.createdAt();
    return entity;
  }

  Attachment toDomain() {
    return new Attachment(
        new AttachmentId(id),
        new TaskId(taskId),
        fileName,
        declaredType,
        sniffedType,
        sizeBytes,
        sha256,
        storageKey,
        status,
        rejectionReason,
        new UserId(uploadedBy),
        createdAt);
  }
}
