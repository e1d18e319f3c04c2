package dev.worklane.application.port.model.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * The parts of an app-served signed download URL (local disk): the object's {@code key}, the
 * instant it {@code expires}, how it is to be served ({@code disposition}) and the {@code
 * signature} over all three, as the URL carried them. Nothing here is trusted until {@code
 * ServedFiles.isAuthentic} says so.
 */
public record SignedFileLink(
    String key, Instant expires, DownloadDisposition disposition, String signature) {

  public SignedFileLink {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(signature, "signature");
  }
}
