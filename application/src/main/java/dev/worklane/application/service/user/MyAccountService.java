package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
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
  private final Clock clock;

  public MyAccountService(
      UserRepository users, ProfileRepository profiles, Transactions transactions, Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public UserAccount get(Actor actor) {
    return load(actor.userId());
  }

  @Override
  public UserAccount updateProfile(Actor actor, UpdateProfileCommand command) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          UserAccount account = load(actor.userId());
          Profile profile = account.profile();
          if (command.displayName().isPresent()) {
            profile = profile.rename(command.displayName().get(), now);
          }
          if (command.timeZone().isPresent()) {
            profile = profile.moveTo(command.timeZone().get(), now);
          }
          return new UserAccount(account.user(), profiles.save(profile));
        });
  }

  private UserAccount load(UserId id) {
    User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
    Profile profile = profiles.findByUserId(id).orElseThrow(() -> new NotFoundException("Profile"));
    return new UserAccount(user, profile);
  }
}
