package dev.worklane.adapter.out.storage;

import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ServedFiles;

/** One object store seen through both of its ports; each adapter (and its meters) is one. */
public interface StorageBackend extends ObjectStorage, ServedFiles {}
