package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Permission;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

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
      CachedWrites cachedWrites,
      RevocationService revocations,
      Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.refreshTokens = refreshTokens;
    this.cachedWrites = cachedWrites;
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

  @Override
  public Page<UserAccount> list(Actor actor, PageRequest page) {
    actor.require(Permission.USER_MANAGE);
    Page<User> found = users.list(page);
    Map<UserId, Profile> byUser =
        profiles.findByUserIds(found.items().stream().map(User::id).toList());
    return found.map(user -> UserAccount.of(user, byUser.get(user.id())));
  }

  @Override
  public UserAccount changeRoles(Actor actor, UserId target, Set<Role> roles) {
    actor.require(Permission.USER_MANAGE);
    if (actor.userId().equals(target)) {
      // the same reason as for disable: an admin demoting themselves can leave no admin at all
      throw new ConflictException("CANNOT_CHANGE_OWN_ROLES", "You cannot change your own roles");
    }
    UserAccount account =
        cachedWrites.write(
            CacheKey.user(target),
            () -> {
              User user = users.findById(target).orElseThrow(() -> new NotFoundException("User"));
              if (user.roles().equals(roles)) {
                return UserAccount.of(user, profileOf(target));
              }
              User changed = users.update(user.changeRoles(roles, clock.instant()));
              // tokens and sessions carry the old roles: they end, the next login carries the new
              revocations.endEverythingIssuedTo(target);
              return UserAccount.of(changed, profileOf(target));
            });
    LOG.log(
        Level.INFO,
        () -> "user_roles_changed userId=" + target + " roles=" + roles + " by=" + actor.userId());
    return account;
  }

  private Profile profileOf(UserId id) {
    return profiles.findByUserId(id).orElseThrow(() -> new NotFoundException("Profile"));
  }
}
