package dev.worklane.adapter.in.web.error;

/**
 * The session store (Redis) cannot be read: the caller's session may be valid, so the honest answer
 * is 503 (try again), not 401 (you are logged out).
 */
public class SessionStoreUnavailableException extends RuntimeException {
  public SessionStoreUnavailableException(Throwable cause) {
    super("Session store unavailable", cause);
  }
}
