package dev.worklane.application.port.model.storage;

/**
 * {@code PRIVATE} objects are reachable only through signed URLs; {@code PUBLIC} ones (avatars)
 * through {@code ObjectStorage.publicUrl}, cacheable for a long time because their key changes with
 * every upload.
 */
public enum ObjectVisibility {
  PRIVATE,
  PUBLIC
}
