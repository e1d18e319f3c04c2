package dev.worklane.application.service.attachment;

import dev.worklane.domain.attachment.UploadPolicy;
import java.time.Duration;

/**
 * Attachment settings, from configuration.
 *
 * @param policy the size limit and the accepted types
 * @param downloadValidity how long a signed download URL works (1 h)
 * @param orphanGrace an object with no row is deleted once it is this old: longer than any upload
 *     takes between storing its object and committing its row
 * @param pendingLimit a row still PENDING after this long (its job lost or failed for good) is
 *     deleted with its object
 * @param archivedRetention attachments of a project archived this long ago are deleted
 */
public record AttachmentSettings(
    UploadPolicy policy,
    Duration downloadValidity,
    Duration orphanGrace,
    Duration pendingLimit,
    Duration archivedRetention) {
  public static final Duration DEFAULT_DOWNLOAD_VALIDITY = Duration.ofHours(1);
  public static final Duration DEFAULT_ORPHAN_GRACE = Duration.ofHours(1);
  public static final Duration DEFAULT_PENDING_LIMIT = Duration.ofHours(24);
  public static final Duration DEFAULT_ARCHIVED_RETENTION = Duration.ofDays(30);

  public AttachmentSettings {
    positive(downloadValidity, "downloadValidity");
    positive(orphanGrace, "orphanGrace");
    positive(pendingLimit, "pendingLimit");
    positive(archivedRetention, "archivedRetention");
  }

  public static AttachmentSettings defaults() {
    return new AttachmentSettings(
        UploadPolicy.defaults(),
        DEFAULT_DOWNLOAD_VALIDITY,
        DEFAULT_ORPHAN_GRACE,
        DEFAULT_PENDING_LIMIT,
        DEFAULT_ARCHIVED_RETENTION);
  }

  private static void positive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
