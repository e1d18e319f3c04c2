package dev.worklane.adapter.in.web.attachment;

import dev.worklane.domain.attachment.AttachmentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An attachment, the same in v1 and v2. {@code fileName} is the sanitised name, {@code contentType}
 * the declared type; {@code detectedType} and {@code sha256} are known once processed, {@code
 * downloadUrl} (signed, valid until {@code downloadUrlExpiresAt}) only while READY.
 */
@NullMarked
public record AttachmentResponse(
    UUID id,
    UUID taskId,
    @Schema(maxLength = 255) String fileName,
    @Schema(
            maxLength = 191,
            pattern = MEDIA_TYPE,
            description = "The media type the uploader declared")
        String contentType,
    @Schema(
            maxLength = 191,
            pattern = MEDIA_TYPE,
            description = "The media type read from the bytes, once processed")
        @Nullable String detectedType,
    @Schema(minimum = "0") long sizeBytes,
    @Schema(pattern = "^[0-9a-f]{64}$", maxLength = 64, description = "SHA-256 of the bytes, hex")
        @Nullable String sha256,
    AttachmentStatus status,
    @Schema(maxLength = 500, description = "Why the attachment was rejected")
        @Nullable String rejectionReason,
    UUID uploadedBy,
    Instant createdAt,
    @Schema(
            format = "uri",
            maxLength = 4096,
            description = "Signed download URL while READY; null otherwise")
        @Nullable URI downloadUrl,
    @Nullable Instant downloadUrlExpiresAt) {
  static final String MEDIA_TYPE = "^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$";
}
