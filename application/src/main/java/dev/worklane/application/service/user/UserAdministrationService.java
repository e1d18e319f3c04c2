package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Permission;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

public final class UserAdministrationService implements UserAdministrationUseCase {
  private static final System.Logger LOG =
      System.getLogger(UserAdministrationService.class.getName());

  private final UserRepository users;
  private final ProfileRepository profiles;
  private final RefreshTokenRepository refreshTokens;
  private final CachedWrites cachedWrites;
  private final RevocationService revocations;
  private final Clock clock;

  public UserAdministrationService(
      UserRepository users,
      ProfileRepository profiles,
      RefreshTokenRepository refreshTokens,
      Transactions transactions,
      Cache cache,
      RevocationService revocations,
      Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.refreshTokens = refreshTokens;
    this.cachedWrites = new CachedWrites(cache, transactions);
    this.revocations = revocations;
    this.clock = clock;
  }

  @Override
  public UserAccount disable(Actor actor, UserId target) {
    actor.require(Permission.USER_MANAGE);
    if (actor.userId().equals(target)) {
      // An admin locking themselves out is almost always a mistake and can leave no admin at all.
      throw new ConflictException("CANNOT_DISABLE_SELF", "You cannot disable your own account");
    }
    UserAccount account =
        cachedWrites.write(
            CacheKey.user(target),
            () -> {
              Instant now = clock.instant();
              User user = users.findById(target).orElseThrow(() -> new NotFoundException("User"));
              User disabled = user.isActive() ? users.update(user.disable(now)) : user;
              refreshTokens.revokeAllOf(target, now);
              revocations.endEverythingIssuedTo(target);
              Profile profile =
                  profiles.findByUserId(target).orElseThrow(() -> new NotFoundException("Profile"));
              return UserAccount.of(disabled, profile);
            });
    LOG.log(Level.INFO, () -> "user_disabled userId=" + target + " by=" + actor.userId());
    return account;
  }
}
