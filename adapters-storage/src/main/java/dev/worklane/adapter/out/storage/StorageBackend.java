package dev.worklane.adapter.out.storage;

import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ServedFiles;

/**
 * One object store seen through both of its ports; each adapter (and its meters) is one. Closed
 * with the application context (the S3 adapter releases its connections).
 */
public interface StorageBackend extends ObjectStorage, ServedFiles, AutoCloseable {

  @Override
  default void close() {}
}
