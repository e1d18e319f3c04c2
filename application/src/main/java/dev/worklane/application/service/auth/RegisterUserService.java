package dev.worklane.application.service.auth;

import dev.worklane.application.job.EmailJobs;
import dev.worklane.application.port.in.auth.RegisterUserCommand;
import dev.worklane.application.port.in.auth.RegisterUserUseCase;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.domain.user.EmailAlreadyRegisteredException;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

public final class RegisterUserService implements RegisterUserUseCase {
  private static final System.Logger LOG = System.getLogger(RegisterUserService.class.getName());

  private final UserRepository users;
  private final ProfileRepository profiles;
  private final PasswordHasher hasher;
  private final Transactions transactions;
  private final Jobs jobs;
  private final Clock clock;

  public RegisterUserService(
      UserRepository users,
      ProfileRepository profiles,
      PasswordHasher hasher,
      Transactions transactions,
      Jobs jobs,
      Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.hasher = hasher;
    this.transactions = transactions;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public UserAccount register(RegisterUserCommand command) {
    Instant now = clock.instant();
    UserId id = UserId.random();
    // Validate the profile before hashing: hashing is the slow part and bad input should fail fast.
    Profile profile = Profile.initial(id, command.email(), command.displayName(), now);
    User user = User.register(id, command.email(), hasher.hash(command.password()), now);

    UserAccount account =
        transactions.inTransaction(
            () -> {
              if (users.findByEmail(user.email()).isPresent()) {
                throw new EmailAlreadyRegisteredException();
              }
              UserAccount created = UserAccount.of(users.add(user), profiles.save(profile));
              // In the same transaction: a failed registration sends no welcome email.
              jobs.enqueue(EmailJobs.welcome(user.email().value()));
              return created;
            });
    LOG.log(Level.INFO, () -> "user_registered userId=" + id);
    return account;
  }
}
