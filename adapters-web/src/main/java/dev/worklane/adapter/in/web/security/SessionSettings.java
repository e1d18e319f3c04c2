package dev.worklane.adapter.in.web.security;

import java.time.Duration;

/**
 * Browser sessions besides Spring Session's idle timeout.
 *
 * @param maxLifetime how long a session lives from its login however often it is used ({@code
 *     WORKLANE_SESSION_MAX_LIFETIME})
 */
public record SessionSettings(Duration maxLifetime) {
  public SessionSettings {
    if (maxLifetime == null || !maxLifetime.isPositive()) {
      throw new IllegalArgumentException("the session max lifetime must be positive");
    }
  }
}
