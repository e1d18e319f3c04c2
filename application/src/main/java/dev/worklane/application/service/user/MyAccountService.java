package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;

public final class MyAccountService implements MyAccountUseCase {
  private final UserRepository users;
  private final ProfileRepository profiles;
  private final Transactions transactions;
  private final Cache cache;
  private final Clock clock;

  public MyAccountService(
      UserRepository users,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      Clock clock) {
    this.cache = cache;
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

  private UserAccount load(UserId id) {
    User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
    Profile profile = profiles.findByUserId(id).orElseThrow(() -> new NotFoundException("Profile"));
    return UserAccount.of(user, profile);
  }
}
