package dev.worklane.domain.attachment;

/**
 * PENDING from the upload until the {@code attachment.process} job has read the bytes; then READY
 * (downloadable) or REJECTED (the bytes contradict the declared type or are not accepted; the
 * object is deleted, the row stays to tell the uploader why).
 */
public enum AttachmentStatus {
  PENDING,
  READY,
  REJECTED
}
