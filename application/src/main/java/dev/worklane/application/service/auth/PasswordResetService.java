package dev.worklane.application.service.auth;

import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.job.SecretEmails;
import dev.worklane.application.port.in.auth.ConfirmPasswordResetCommand;
import dev.worklane.application.port.in.auth.PasswordResetUseCase;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.JobRequest;
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
import java.util.Map;
import java.util.Optional;

/**
 * Password reset. The request only queues a job, the same for every address, so neither the answer
 * nor its timing tells whether an account exists; the job looks the address up and, for an active
 * account only, stores a token and sends the email. The token is 256 random bits, kept as its
 * SHA-256 only (never in a job's data), single use, valid one hour.
 */
public final class PasswordResetService implements PasswordResetUseCase {
  private static final System.Logger LOG = System.getLogger(PasswordResetService.class.getName());
  public static final Duration VALIDITY = Duration.ofHours(1);

  /** The job that looks the address up and sends the email, off the request path. */
  public static final String JOB_TYPE = "auth.password-reset";

  static final String EMAIL_KEY = JobRequest.SECRET_PREFIX + "email";

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
   * @param limiter the shared budgets ({@link RateLimiter#unlimited()} when rate limits are off)
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
    Decision decision = limiter.tryConsume(Scope.PASSWORD_RESET, email.value());
    if (!decision.allowed()) {
      throw new RateLimitedException(Scope.PASSWORD_RESET.policyName(), decision.resetAfter());
    }
    // The request does exactly the same work whether or not an account has this address (one
    // outbox row, one commit): the lookup happens in the job, so neither the answer nor its time
    // tells the two apart. The address is a secret payload value: redacted on the dashboard.
    transactions.inTransaction(
        () ->
            jobs.enqueue(
                JobRequest.of(
                    JobRequest.DEFAULT_QUEUE, JOB_TYPE, Map.of(EMAIL_KEY, email.value()))));
    LOG.log(
        Level.INFO,
        () -> "password_reset_requested emailHash=" + OpaqueTokens.fingerprint(email.value()));
  }

  /**
   * Runs {@value #JOB_TYPE} jobs: {@link #issueToken(Email)} for the requested address, then the
   * email, from this job itself so the token is never part of a job's data ({@link SecretEmails}).
   * A retry (the mailer failed) issues a fresh token, which voids the one of the failed attempt.
   */
  public JobHandler requestHandler(SecretEmails emails) {
    return new JobHandler() {
      @Override
      public String type() {
        return JOB_TYPE;
      }

      @Override
      public void handle(Job job) {
        Email email;
        try {
          email = new Email(job.payload().getOrDefault(EMAIL_KEY, ""));
        } catch (RuntimeException e) {
          throw new PermanentJobFailure("password-reset job without a valid address");
        }
        Optional<IssuedToken> issued = issueToken(email);
        if (issued.isEmpty()) {
          job.log("no active account: nothing sent");
          return;
        }
        emails.sendPasswordReset(job, issued.get().to(), issued.get().token(), VALIDITY);
        job.log("reset email sent");
      }
    };
  }

  /**
   * When an active account has the address: a new token, committed as its hash (older ones used up)
   * before it is mailed, so the token in the email works when it arrives.
   */
  Optional<IssuedToken> issueToken(Email email) {
    String token = OpaqueTokens.newToken();
    String tokenHash = OpaqueTokens.hash(token);
    Optional<IssuedToken> issued =
        transactions.inTransaction(
            () -> {
              Optional<User> user = users.findByEmail(email).filter(User::isActive);
              if (user.isEmpty()) {
                return Optional.<IssuedToken>empty();
              }
              Instant now = clock.instant();
              // A new token replaces the older ones: only the latest email works.
              resetTokens.useAllOf(user.get().id(), now);
              resetTokens.add(PasswordResetToken.issue(tokenHash, user.get().id(), now, VALIDITY));
              return Optional.of(new IssuedToken(user.get().email().value(), token));
            });
    LOG.log(
        Level.INFO,
        () ->
            "password_reset_processed emailHash="
                + OpaqueTokens.fingerprint(email.value())
                + " known="
                + issued.isPresent());
    return issued;
  }

  /** A token just stored (as its hash) and the address to mail it to; never leaves the job. */
  record IssuedToken(String to, String token) {
    @Override
    public String toString() {
      return "IssuedToken[to=" + to + ", token=****]";
    }
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
