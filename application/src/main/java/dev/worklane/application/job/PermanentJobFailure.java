package dev.worklane.application.job;

/** Thrown by a handler when retrying cannot help (bad data): the job fails at once, for good. */
public class PermanentJobFailure extends RuntimeException {
  public PermanentJobFailure(String message) {
    super(message);
  }

  public PermanentJobFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
