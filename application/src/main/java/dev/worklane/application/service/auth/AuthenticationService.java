package dev.worklane.application.service.auth;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.AuthenticationUseCase;
import dev.worklane.application.port.in.auth.IssuedTokens;
import dev.worklane.application.port.in.auth.LoginCommand;
import dev.worklane.application.port.in.auth.LogoutCommand;
import dev.worklane.application.port.in.auth.SessionLogin;
import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.User;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

public final class AuthenticationService implements AuthenticationUseCase {
  private static final System.Logger LOG = System.getLogger(AuthenticationService.class.getName());

  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordHasher hasher;
  private final AccessTokenIssuer accessTokens;
  private final Transactions transactions;
  private final AuthSettings settings;
  private final Clock clock;
  private final AuthenticationMetrics metrics;
  private final RevocationService revocations;
  private final LoginThrottle throttle;

  public AuthenticationService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordHasher hasher,
      AccessTokenIssuer accessTokens,
      Transactions transactions,
      AuthSettings settings,
      Clock clock,
      AuthenticationMetrics metrics,
      RevocationService revocations,
      LoginThrottle throttle) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.revocations = revocations;
    this.throttle = throttle;
  }

  @Override
  public IssuedTokens login(LoginCommand command) {
    // Taken before the account is read: if it is disabled meanwhile, the token's iat falls
    // before the "not before" stamp and the token is rejected.
    Instant now = clock.instant();
    User user = verify(command);
    String refresh = OpaqueTokens.newToken();
    RefreshToken first =
        RefreshToken.startFamily(
            user.id(), OpaqueTokens.hash(refresh), now, now.plus(settings.refreshTokenTtl()));
    refreshTokens.add(first);
    return new IssuedTokens(
        accessTokens.issue(user, first.familyId(), now), refresh, settings.accessTokenTtl());
  }

  @Override
  public SessionLogin authenticate(LoginCommand command) {
    // Taken before the account is read, for the same reason as in login().
    Instant now = clock.instant();
    User user = verify(command);
    return new SessionLogin(new Actor(user.id(), user.roles()), now);
  }

  private User verify(LoginCommand command) {
    String emailHash = OpaqueTokens.fingerprint(command.email().strip().toLowerCase(Locale.ROOT));
    LoginThrottle.Attempt attempt = throttle.begin(emailHash, command.client());
    Optional<User> found = parseEmail(command.email()).flatMap(users::findByEmail);
    if (found.isEmpty()) {
      hasher.matchAgainstDummy(command.password());
      throw failedLogin(emailHash, "unknown_email");
    }
    User user = found.get();
    if (!hasher.matches(command.password(), user.passwordHash())) {
      throw failedLogin(emailHash, "wrong_password");
    }
    if (!user.isActive()) {
      throw failedLogin(emailHash, "account_disabled");
    }
    throttle.succeeded(attempt);
    metrics.loginSucceeded();
    hasher
        .rehashIfOutdated(command.password(), user.passwordHash())
        .ifPresent(fresh -> replaceOutdatedHash(user, fresh));
    LOG.log(
        Level.INFO, () -> "auth_login_succeeded userId=" + user.id() + " emailHash=" + emailHash);
    return user;
  }

  /**
   * Best effort: a concurrent change of the account (a password change, a disable) wins, and the
   * next login tries again. The cached account view shows no hash, so nothing to evict.
   */
  private void replaceOutdatedHash(User user, String fresh) {
    try {
      transactions.inTransaction(() -> users.update(user.rehashed(fresh)));
      LOG.log(Level.INFO, () -> "auth_password_rehashed userId=" + user.id());
    } catch (ConflictException e) {
      LOG.log(Level.DEBUG, () -> "auth_password_rehash_skipped userId=" + user.id());
    }
  }

  @Override
  public IssuedTokens refresh(String presented) {
    if (presented == null || presented.isBlank()) {
      throw AuthenticationFailedException.invalidRefreshToken();
    }
    Instant now = clock.instant();
    RefreshToken current =
        refreshTokens
            .findByHash(OpaqueTokens.hash(presented))
            .orElseThrow(AuthenticationFailedException::invalidRefreshToken);
    if (current.wasRotated()) {
      throw reuseDetected(current, now);
    }
    if (current.isRevoked() || current.isExpired(now)) {
      throw AuthenticationFailedException.invalidRefreshToken();
    }
    Optional<User> user = users.findById(current.userId()).filter(User::isActive);
    // A login that raced a password change or a disable may have left a family behind the
    // revocation of all refresh tokens; the user's stamp (read after now was taken) catches it.
    boolean issuedBeforeStamp =
        revocations.notBefore(current.userId()).filter(current.issuedAt()::isBefore).isPresent();
    if (user.isEmpty() || issuedBeforeStamp) {
      endFamily(current, now);
      throw AuthenticationFailedException.invalidRefreshToken();
    }

    String next = OpaqueTokens.newToken();
    RefreshToken successor = current.successor(OpaqueTokens.hash(next), now);
    try {
      transactions.inTransaction(
          () -> {
            refreshTokens.add(successor);
            if (!refreshTokens.markRotated(current.id(), successor.id(), now)) {
              throw new ConcurrentReuse();
            }
          });
    } catch (ConcurrentReuse e) {
      throw reuseDetected(current, now);
    }
    LOG.log(Level.DEBUG, () -> "auth_refresh_rotated userId=" + current.userId());
    return new IssuedTokens(
        accessTokens.issue(user.get(), current.familyId(), now), next, settings.accessTokenTtl());
  }

  @Override
  public void logout(Actor actor, LogoutCommand command) {
    Instant now = clock.instant();
    int revoked =
        transactions.inTransaction(
            () -> {
              int families = 0;
              if (command.sessionFamilyId() != null) {
                families = refreshTokens.revokeFamily(command.sessionFamilyId(), now);
                revocations.revokeSession(
                    command.sessionFamilyId(), now.plus(settings.accessTokenTtl()));
              }
              if (command.accessTokenId() != null && command.accessTokenExpiresAt() != null) {
                revocations.revokeToken(command.accessTokenId(), command.accessTokenExpiresAt());
              }
              return families;
            });
    LOG.log(Level.INFO, () -> "auth_logout userId=" + actor.userId() + " revokedTokens=" + revoked);
  }

  private AuthenticationFailedException reuseDetected(RefreshToken token, Instant now) {
    endFamily(token, now);
    metrics.refreshTokenReused();
    LOG.log(
        Level.WARNING,
        () -> "auth_refresh_reuse userId=" + token.userId() + " familyId=" + token.familyId());
    return AuthenticationFailedException.invalidRefreshToken();
  }

  /** The family's refresh tokens and — the thief may hold them too — its access tokens die. */
  private void endFamily(RefreshToken token, Instant now) {
    transactions.inTransaction(
        () -> {
          refreshTokens.revokeFamily(token.familyId(), now);
          revocations.revokeSession(token.familyId(), now.plus(settings.accessTokenTtl()));
        });
  }

  private AuthenticationFailedException failedLogin(String emailHash, String reason) {
    metrics.loginFailed(reason);
    LOG.log(Level.WARNING, () -> "auth_login_failed emailHash=" + emailHash + " reason=" + reason);
    return AuthenticationFailedException.badCredentials();
  }

  private static Optional<Email> parseEmail(String raw) {
    try {
      return Optional.of(new Email(raw));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  /** Another request rotated the same token between our read and our write: treat it as reuse. */
  private static final class ConcurrentReuse extends RuntimeException {
    ConcurrentReuse() {
      super("refresh token rotated concurrently", null, false, false);
    }
  }
}
