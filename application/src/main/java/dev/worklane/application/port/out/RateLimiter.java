package dev.worklane.application.port.out;

import java.time.Duration;

/**
 * Budgets shared by every instance (SPEC §3.5). The web adapter calls it per request for the HTTP
 * scopes; use cases call it for scopes keyed by domain data (password reset per email).
 */
public interface RateLimiter {

  /** Takes one unit from {@code scope}'s budget for {@code key}. */
  Decision tryConsume(Scope scope, String key);

  /**
   * Gives back the unit a {@link #tryConsume} took, for budgets that count only some outcomes (a
   * login that succeeded is not a failed attempt). Never goes above the budget.
   */
  void refund(Scope scope, String key);

  /**
   * Rate limits switched off ({@code worklane.rate-limit.enabled=false}): every call is allowed and
   * nothing is counted, so use cases never test for a missing limiter.
   */
  static RateLimiter unlimited() {
    return new RateLimiter() {
      @Override
      public Decision tryConsume(Scope scope, String key) {
        return new Decision(
            scope, true, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO, Duration.ZERO);
      }

      @Override
      public void refund(Scope scope, String key) {}
    };
  }

  enum Scope {
    GLOBAL("global"),
    AUTHENTICATED("user"),
    GUEST("guest"),
    LOGIN("login"),
    REGISTER("register"),
    PASSWORD_RESET("password-reset"),
    /** Failed logins per account and client (see LoginThrottle): guessing, without a lockout. */
    LOGIN_ACCOUNT("login-account"),
    /** {@code POST /users/me/password} per user: two BCrypt rounds per call, like a login. */
    PASSWORD_CHANGE("password-change");

    private final String policyName;

    Scope(String policyName) {
      this.policyName = policyName;
    }

    /** The name used in the {@code RateLimit-Policy} header. */
    public String policyName() {
      return policyName;
    }
  }

  /**
   * @param limit the budget per window ({@code q})
   * @param remaining what is left after this call ({@code r})
   * @param resetAfter until the budget is full again ({@code t}; also {@code Retry-After})
   */
  record Decision(
      Scope scope,
      boolean allowed,
      long limit,
      long remaining,
      Duration window,
      Duration resetAfter) {}
}
