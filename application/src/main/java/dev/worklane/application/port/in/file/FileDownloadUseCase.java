package dev.worklane.application.port.in.file;

import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.SignedFileLink;
import java.util.Optional;

/**
 * Opens the files the app serves without a bearer token: a signed download link (its signature is
 * the authorisation) or a public object. The caller closes the returned content.
 */
public interface FileDownloadUseCase {

  /**
   * The object {@code link} names, or the given range of it.
   *
   * @throws FileLinkRejectedException when the link was edited or has expired
   * @throws dev.worklane.domain.common.NotFoundException when the store serves its own links (S3)
   *     or the object is gone
   */
  ObjectContent openSigned(SignedFileLink link, Optional<ByteRange> range);

  /**
   * A public object, or the given range of it.
   *
   * @throws dev.worklane.domain.common.NotFoundException when there is no such public object
   */
  ObjectContent openPublic(String key, Optional<ByteRange> range);
}
