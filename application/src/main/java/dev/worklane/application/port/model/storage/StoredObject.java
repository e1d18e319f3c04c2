package dev.worklane.application.port.model.storage;

/** What {@code ObjectStorage.put} wrote: the key and the number of bytes stored. */
public record StoredObject(String key, long sizeBytes) {}
