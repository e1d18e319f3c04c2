package dev.worklane.application.service.auth;

import dev.worklane.application.job.EmailJobs;
import dev.worklane.application.port.in.auth.ConfirmPasswordResetCommand;
import dev.worklane.application.port.in.auth.PasswordResetUseCase;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.PasswordResetTokenRepository;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RateLimiter.Decision;
import dev.worklane.application.port.out.RateLimiter.Scope;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.auth.InvalidResetTokenException;
import dev.worklane.domain.auth.PasswordResetToken;
import dev.worklane.domain.common.RateLimitedException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.User;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password reset (SPEC §3.3). The request does the same work for every address (one lookup, one
 * token generated and hashed, one transaction) so neither the answer nor its timing tells whether
 * an account exists; only an active account gets a token row and an email job, both in one
 * transaction. The token is 256 random bits, kept as its SHA-256, single use, valid one hour.
 */
public final class PasswordResetService implements PasswordResetUseCase {
  private static final System.Logger LOG = System.getLogger(PasswordResetService.class.getName());
  public static final Duration VALIDITY = Duration.ofHours(1);

  private final UserRepository users;
  private final PasswordResetTokenRepository resetTokens;
  private final RefreshTokenRepository refreshTokens;
  private final RevocationService revocations;
  private final PasswordHasher hasher;
  private final RateLimiter limiter;
  private final Jobs jobs;
  private final Transactions transactions;
  private final CachedWrites cachedWrites;
  private final Clock clock;

  /**
   * @param limiter the shared budgets, or null when rate limits are switched off
   */
  public PasswordResetService(
      UserRepository users,
      PasswordResetTokenRepository resetTokens,
      RefreshTokenRepository refreshTokens,
      RevocationService revocations,
      PasswordHasher hasher,
      RateLimiter limiter,
      Jobs jobs,
      Transactions transactions,
      CachedWrites cachedWrites,
      Clock clock) {
    this.users = users;
    this.resetTokens = resetTokens;
    this.refreshTokens = refreshTokens;
    this.revocations = revocations;
    this.hasher = hasher;
    this.limiter = limiter;
    this.jobs = jobs;
    this.transactions = transactions;
    this.cachedWrites = cachedWrites;
    this.clock = clock;
  }

  @Override
  public void requestReset(Email email) {
    if (limiter != null) {
      Decision decision = limiter.tryConsume(Scope.PASSWORD_RESET, email.value());
      if (!decision.allowed()) {
        throw new RateLimitedException(Scope.PASSWORD_RESET.policyName(), decision.resetAfter());
      }
    }
    String token = OpaqueTokens.newToken();
    String tokenHash = OpaqueTokens.hash(token);
    boolean sent =
        transactions.inTransaction(
            () -> {
              Optional<User> user = users.findByEmail(email).filter(User::isActive);
              if (user.isEmpty()) {
                return false;
              }
              Instant now = clock.instant();
              // A new token replaces the older ones: only the latest email works.
              resetTokens.useAllOf(user.get().id(), now);
              resetTokens.add(PasswordResetToken.issue(tokenHash, user.get().id(), now, VALIDITY));
              jobs.enqueue(EmailJobs.passwordReset(user.get().email().value(), token, VALIDITY));
              return true;
            });
    LOG.log(
        Level.INFO,
        () ->
            "password_reset_requested emailHash="
                + OpaqueTokens.fingerprint(email.value())
                + " known="
                + sent);
  }

  @Override
  public void confirmReset(ConfirmPasswordResetCommand command) {
    // Hash first (slow): the row lock below is then held only for the writes.
    String newHash = hasher.hash(command.newPassword());
    String tokenHash = OpaqueTokens.hash(command.token());
    User user =
        transactions.inTransaction(
            () -> {
              Instant now = clock.instant();
              PasswordResetToken token =
                  resetTokens
                      .findForUpdate(tokenHash)
                      .filter(t -> t.usableAt(now))
                      .orElseThrow(InvalidResetTokenException::new);
              User owner =
                  users
                      .findById(token.userId())
                      .filter(User::isActive)
                      .orElseThrow(InvalidResetTokenException::new);
              return cachedWrites.write(
                  CacheKey.user(owner.id()),
                  () -> {
                    resetTokens.useAllOf(owner.id(), now);
                    User updated = users.update(owner.changePassword(newHash, now));
                    refreshTokens.revokeAllOf(owner.id(), now);
                    revocations.endEverythingIssuedTo(owner.id());
                    return updated;
                  });
            });
    LOG.log(Level.INFO, () -> "password_reset_completed userId=" + user.id());
  }
}
