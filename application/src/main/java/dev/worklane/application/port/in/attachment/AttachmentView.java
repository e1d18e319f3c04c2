package dev.worklane.application.port.in.attachment;

import dev.worklane.domain.attachment.Attachment;
import java.net.URI;
import java.time.Instant;

/**
 * An attachment as its readers see it: {@code downloadUrl} (signed, valid until {@code
 * downloadUrlExpiresAt}) only when it is READY, both null otherwise.
 */
public record AttachmentView(
    Attachment attachment, URI downloadUrl, Instant downloadUrlExpiresAt) {}
