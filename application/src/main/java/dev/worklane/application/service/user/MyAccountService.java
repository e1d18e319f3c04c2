package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class MyAccountService implements MyAccountUseCase {
  private static final System.Logger LOG = System.getLogger(MyAccountService.class.getName());

  private final UserRepository users;
  private final ProfileRepository profiles;
  private final Cache cache;
  private final CachedWrites cachedWrites;
  private final PasswordHasher hasher;
  private final RefreshTokenRepository refreshTokens;
  private final RevocationService revocations;
  private final Clock clock;

  public MyAccountService(
      UserRepository users,
      ProfileRepository profiles,
      CachedWrites cachedWrites,
      Cache cache,
      PasswordHasher hasher,
      RefreshTokenRepository refreshTokens,
      RevocationService revocations,
      Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.cache = cache;
    this.cachedWrites = cachedWrites;
    this.hasher = hasher;
    this.refreshTokens = refreshTokens;
    this.revocations = revocations;
    this.clock = clock;
  }

  /** Cache-aside on {@code cache:users:{id}}: the bench-marked hot read. */
  @Override
  public UserAccount get(Actor actor) {
    CacheKey key = CacheKey.user(actor.userId());
    Cache.Lookup<UserAccount> cached = cache.get(key, UserAccount.class);
    return cached
        .value()
        .orElseGet(
            () -> {
              UserAccount account = load(actor.userId());
              cache.put(key, cached, account);
              return account;
            });
  }

  @Override
  public UserAccount updateProfile(Actor actor, UpdateProfileCommand command) {
    Instant now = clock.instant();
    return cachedWrites.write(
        List.of(CacheKey.user(actor.userId()), CacheKey.displayName(actor.userId())),
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
  }

  /**
   * The account is read before the (slow) hashing and written only over that version: an admin's
   * disable committed meanwhile makes this a conflict instead of being undone. Every token and
   * session issued until the commit ends, on every instance.
   */
  @Override
  public void changePassword(Actor actor, ChangePasswordCommand command) {
    User user = users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("User"));
    if (!hasher.matches(command.currentPassword(), user.passwordHash())) {
      throw new InvalidInputException("currentPassword", "currentPassword is not correct");
    }
    String newHash = hasher.hash(command.newPassword());
    cachedWrites.write(
        CacheKey.user(user.id()),
        () -> {
          Instant now = clock.instant();
          users.update(user.changePassword(newHash, now));
          refreshTokens.revokeAllOf(user.id(), now);
          revocations.endEverythingIssuedTo(user.id());
          return null;
        });
    LOG.log(Level.INFO, () -> "password_changed userId=" + user.id());
  }

  private UserAccount load(UserId id) {
    User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
    Profile profile = profiles.findByUserId(id).orElseThrow(() -> new NotFoundException("Profile"));
    return UserAccount.of(user, profile);
  }
}
