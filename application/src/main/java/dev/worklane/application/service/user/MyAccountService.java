package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

public final class MyAccountService implements MyAccountUseCase {
  private final UserRepository users;
  private final ProfileRepository profiles;
  private final Transactions transactions;
  private static final System.Logger LOG = System.getLogger(MyAccountService.class.getName());

  private final Cache cache;
  private final PasswordHasher hasher;
  private final RefreshTokenRepository refreshTokens;
  private final TokenRevocations revocations;
  private final Clock clock;

  public MyAccountService(
      UserRepository users,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      PasswordHasher hasher,
      RefreshTokenRepository refreshTokens,
      TokenRevocations revocations,
      Clock clock) {
    this.cache = cache;
    this.hasher = hasher;
    this.refreshTokens = refreshTokens;
    this.revocations = revocations;
    this.users = users;
    this.profiles = profiles;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Cache-aside on {@code cache:users:{id}}: the bench-marked hot read. */
  @Override
  public UserAccount get(Actor actor) {
    CacheKey key = CacheKey.user(actor.userId());
    return cache
        .get(key, UserAccount.class)
        .orElseGet(
            () -> {
              UserAccount account = load(actor.userId());
              cache.put(key, account);
              return account;
            });
  }

  @Override
  public UserAccount updateProfile(Actor actor, UpdateProfileCommand command) {
    Instant now = clock.instant();
    CacheKey key = CacheKey.user(actor.userId());
    // Seed rule: invalidate before the write; again after commit to close the stale-read race
    // (a concurrent reader may have re-cached the old value between the two).
    cache.evict(key);
    UserAccount updated =
        transactions.inTransaction(
        () -> {
          UserAccount account = load(actor.userId());
          Profile profile = account.profile();
          if (command.displayName().isPresent()) {
            profile = profile.rename(command.displayName().get(), now);
          }
          if (command.timeZone().isPresent()) {
            profile = profile.moveTo(command.timeZone().get(), now);
          }
          return new UserAccount(
              account.id(),
              account.email(),
              account.roles(),
              account.status(),
              account.createdAt(),
              account.updatedAt(),
              profiles.save(profile));
        });
    cache.evict(key);
    return updated;
  }

  @Override
  public void changePassword(Actor actor, ChangePasswordCommand command) {
    User user = users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("User"));
    if (!hasher.matches(command.currentPassword(), user.passwordHash())) {
      throw new InvalidInputException("currentPassword", "currentPassword is not correct");
    }
    String newHash = hasher.hash(command.newPassword());
    CacheKey key = CacheKey.user(actor.userId());
    cache.evict(key);
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          users.update(user.changePassword(newHash, now));
          refreshTokens.revokeAllOf(user.id(), now);
        });
    // After commit, like a disable: whatever was issued until now is revoked everywhere.
    revocations.revokeEverythingIssuedBefore(user.id(), clock.instant());
    cache.evict(key);
    LOG.log(Level.INFO, () -> "password_changed userId=" + user.id());
  }

  private UserAccount load(UserId id) {
    User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
    Profile profile = profiles.findByUserId(id).orElseThrow(() -> new NotFoundException("Profile"));
    return UserAccount.of(user, profile);
  }
}
