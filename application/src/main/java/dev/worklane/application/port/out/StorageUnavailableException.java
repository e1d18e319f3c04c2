package dev.worklane.application.port.out;

/**
 * The object store could not be reached or answered with a server fault. Not the caller's fault:
 * the web layer answers 503 {@code STORAGE_UNAVAILABLE} with {@code Retry-After}, a job retries.
 * The message never carries credentials, signed URLs or bucket policies.
 */
public class StorageUnavailableException extends RuntimeException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
