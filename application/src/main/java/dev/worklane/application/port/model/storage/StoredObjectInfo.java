package dev.worklane.application.port.model.storage;

import java.time.Instant;

/** One listed object: its key, size and last modification. */
public record StoredObjectInfo(String key, long sizeBytes, Instant lastModified) {}
