package dev.worklane.application.service.auth;

import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RateLimiter.Decision;
import dev.worklane.application.port.out.RateLimiter.Scope;
import dev.worklane.domain.common.RateLimitedException;
import java.lang.System.Logger.Level;

/**
 * Failed logins per account <em>and client</em> ({@code login-account}: 5 per 15 min by default).
 * Counting per account alone would hand anyone who knows an email address a lockout of its owner;
 * per pair, a guesser exhausts only their own budget for that account while the owner, from their
 * own client, logs in as usual. The per-IP {@code login} limit still bounds guessing across
 * accounts, and IPv6 clients are keyed by their /64 so that a fresh address is not a fresh budget.
 *
 * <p>Each attempt takes a unit before the password is checked — concurrent guesses cannot overrun
 * the budget, and a refused attempt costs no BCrypt — and a successful login gives it back, so only
 * failures count. Keys hold the email's fingerprint, never the address.
 */
public final class LoginThrottle {
  private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());

  private final RateLimiter limiter;
  private final AuthenticationMetrics metrics;

  public LoginThrottle(RateLimiter limiter, AuthenticationMetrics metrics) {
    this.limiter = limiter;
    this.metrics = metrics;
  }

  /**
   * {@code worklane.rate-limit.enabled=false}: every attempt is let through (an unlimited budget
   * refuses nothing, so the metrics of a refusal are never needed).
   */
  public static LoginThrottle off() {
    return new LoginThrottle(RateLimiter.unlimited(), NO_REFUSALS);
  }

  private static final AuthenticationMetrics NO_REFUSALS =
      new AuthenticationMetrics() {
        @Override
        public void loginSucceeded() {}

        @Override
        public void loginFailed(String reason) {}

        @Override
        public void refreshTokenReused() {}
      };

  /**
   * Takes one attempt from the pair's budget, or refuses it (429) when the budget is spent.
   *
   * @param emailHash fingerprint of the normalised email
   * @param client the caller's client key
   */
  Attempt begin(String emailHash, String client) {
    String key = emailHash + ":" + client;
    Decision decision = limiter.tryConsume(Scope.LOGIN_ACCOUNT, key);
    if (!decision.allowed()) {
      metrics.loginFailed("throttled");
      LOG.log(Level.WARNING, () -> "auth_login_throttled emailHash=" + emailHash);
      throw new RateLimitedException(Scope.LOGIN_ACCOUNT.policyName(), decision.resetAfter());
    }
    return new Attempt(key);
  }

  /** The attempt was not a failure: its unit goes back to the pair's budget. */
  void succeeded(Attempt attempt) {
    limiter.refund(Scope.LOGIN_ACCOUNT, attempt.key());
  }

  record Attempt(String key) {}
}
