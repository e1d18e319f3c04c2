package dev.worklane.application.port.out;

import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.SignedFileLink;
import java.util.Optional;

/**
 * What the app itself serves from the object store, beside {@link ObjectStorage}: the signed
 * downloads of the local-disk store (S3 serves its presigned URLs itself) and the public objects
 * under {@code WORKLANE_PUBLIC_FILES_BASE_URL} (on every store, so a CDN can use the app as its
 * origin). Implemented by the same adapter as {@link ObjectStorage}.
 */
public interface ServedFiles {

  /**
   * True when {@link ObjectStorage#presignGet} answers app URLs that the app must verify and serve
   * (local disk); false when the store serves its own signed URLs (S3).
   */
  boolean servesSignedLinks();

  /**
   * Whether {@code link}'s signature was made by this deployment's key over its key, expiry and
   * disposition; compared in constant time. Says nothing about expiry.
   */
  boolean isAuthentic(SignedFileLink link);

  /**
   * Opens a {@link dev.worklane.application.port.model.storage.ObjectVisibility#PUBLIC PUBLIC}
   * object, or a range of it; empty when there is no such object or it is private.
   */
  Optional<ObjectContent> openPublic(String key, Optional<ByteRange> range);
}
