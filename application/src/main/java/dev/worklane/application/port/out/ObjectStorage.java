package dev.worklane.application.port.out;

import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.model.storage.StoredObjectInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where file bytes live: S3 (or any S3-protocol server such as MinIO) in production, a directory
 * under {@code $WORKLANE_DATA_DIR/files} on the embedded default. Keys are chosen by the core
 * (never from a client's file name) and use {@code /} as a separator, e.g. {@code
 * attachments/2026/12/<uuid>}.
 *
 * <p>Every method throws {@link StorageUnavailableException} when the store cannot be reached (the
 * web layer answers 503 {@code STORAGE_UNAVAILABLE} with {@code Retry-After}); no method returns or
 * throws a credential.
 */
public interface ObjectStorage {

  /**
   * Streams {@code content} to {@code key}, never holding it whole in memory. {@code length} is the
   * exact byte count when known, or {@code -1} when it is not (the adapter then writes in parts).
   * The object becomes visible only once complete: a failure midway (including the stream throwing,
   * e.g. because a size limit was crossed) leaves no object behind. Overwrites an existing object.
   */
  StoredObject put(
      String key,
      InputStream content,
      long length,
      String contentType,
      ObjectVisibility visibility);

  /**
   * Opens the object, or a byte range of it. Empty when there is no such object. The caller closes
   * the returned content.
   */
  Optional<ObjectContent> get(String key, Optional<ByteRange> range);

  /** Removes the object; removing a missing object is not an error (idempotent). */
  void delete(String key);

  /**
   * A URL that lets whoever holds it GET the object until {@code validity} has passed, served with
   * the given {@code Content-Disposition} and {@code Content-Type}. S3: a presigned URL; local
   * disk: an app URL carrying an expiry and an HMAC signature.
   */
  URI presignGet(String key, Duration validity, DownloadDisposition disposition);

  /**
   * The permanent URL of a {@link ObjectVisibility#PUBLIC} object under {@code
   * WORKLANE_PUBLIC_FILES_BASE_URL} (a CDN in production, the app itself on the embedded default).
   */
  URI publicUrl(String key);

  /**
   * Passes every object under {@code prefix} last modified before {@code olderThan} to {@code
   * sink}, in pages, so the sweeper can remove objects that have no row. Unfinished uploads left by
   * a crash (partial files, incomplete multipart uploads) older than {@code olderThan} are removed
   * by this call.
   */
  void list(String prefix, Instant olderThan, Consumer<StoredObjectInfo> sink);

  /** Throws {@link StorageUnavailableException} unless the store answers (readiness probe). */
  void check();
}
