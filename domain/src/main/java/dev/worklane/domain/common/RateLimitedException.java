package dev.worklane.domain.common;

import java.time.Duration;

/**
 * A budget kept by a use case (not by the HTTP rate limits) is exhausted, e.g. failed logins for
 * one account from one client. Answered like the HTTP limits: 429 {@code RATE_LIMITED} with {@code
 * Retry-After}.
 */
public final class RateLimitedException extends DomainException {
  private final String policy;
  private final Duration retryAfter;

  public RateLimitedException(String policy, Duration retryAfter) {
    super("RATE_LIMITED", "Too many attempts for policy '" + policy + "'");
    this.policy = policy;
    this.retryAfter = retryAfter;
  }

  public String policy() {
    return policy;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
