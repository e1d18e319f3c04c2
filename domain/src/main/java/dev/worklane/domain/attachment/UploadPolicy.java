package dev.worklane.domain.attachment;

import dev.worklane.domain.common.UnsupportedMediaTypeException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What may be attached: at most {@code maxBytes} per file, of a declared type on {@code
 * allowedTypes} (exact {@code type/subtype} values, lower case). The bytes are checked against the
 * declared type later, by the processing job.
 */
public record UploadPolicy(long maxBytes, Set<String> allowedTypes) {
  /** 25 MiB. */
  public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

  /**
   * Images browsers show (no SVG: it carries scripts), PDF, plain text and CSV, Office and
   * OpenDocument files, ZIP archives.
   */
  public static final Set<String> DEFAULT_ALLOWED_TYPES =
      Set.of(
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "application/pdf",
          "text/plain",
          "text/csv",
          "application/zip",
          "application/msword",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/vnd.oasis.opendocument.presentation");

  public UploadPolicy {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    allowedTypes =
        allowedTypes.stream().map(MediaTypes::normalise).collect(Collectors.toUnmodifiableSet());
    if (allowedTypes.isEmpty() || allowedTypes.contains(MediaTypes.OCTET_STREAM)) {
      throw new IllegalArgumentException(
          "allowedTypes must name media types, and application/octet-stream is never one");
    }
  }

  public static UploadPolicy defaults() {
    return new UploadPolicy(DEFAULT_MAX_BYTES, DEFAULT_ALLOWED_TYPES);
  }

  public boolean allows(String mediaType) {
    return allowedTypes.contains(mediaType);
  }

  /** Throws {@link UnsupportedMediaTypeException} (415) unless the declared type is allowed. */
  public void requireAllowed(String declaredType) {
    if (!allows(declaredType)) {
      throw new UnsupportedMediaTypeException("file", declaredType);
    }
  }
}
