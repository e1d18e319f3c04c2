package dev.worklane.application.service.file;

import dev.worklane.application.port.in.file.FileDownloadUseCase;
import dev.worklane.application.port.in.file.FileLinkRejectedException;
import dev.worklane.application.port.in.file.FileLinkRejectedException.Reason;
import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.SignedFileLink;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ServedFiles;
import dev.worklane.domain.common.NotFoundException;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks a signed link before the expiry (an edited expiry is an invalid link, not an expired one),
 * then reads through {@link ObjectStorage} so the bytes are counted like every other read.
 */
public class FileDownloadService implements FileDownloadUseCase {
  private final ServedFiles servedFiles;
  private final ObjectStorage storage;
  private final Clock clock;

  public FileDownloadService(ServedFiles servedFiles, ObjectStorage storage, Clock clock) {
    this.servedFiles = servedFiles;
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public ObjectContent openSigned(SignedFileLink link, Optional<ByteRange> range) {
    if (!servedFiles.servesSignedLinks()) {
      throw new NotFoundException("File");
    }
    if (!servedFiles.isAuthentic(link)) {
      throw new FileLinkRejectedException(Reason.INVALID);
    }
    if (!clock.instant().isBefore(link.expires())) {
      throw new FileLinkRejectedException(Reason.EXPIRED);
    }
    return storage.get(link.key(), range).orElseThrow(() -> new NotFoundException("File"));
  }

  @Override
  public ObjectContent openPublic(String key, Optional<ByteRange> range) {
    return servedFiles.openPublic(key, range).orElseThrow(() -> new NotFoundException("File"));
  }
}
