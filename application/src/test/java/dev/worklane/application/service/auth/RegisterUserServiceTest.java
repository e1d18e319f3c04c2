package dev.worklane.application.service.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.auth.RegisterUserCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.RecordingJobQueue;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.EmailAlreadyRegisteredException;
import dev.worklane.domain.user.Password;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RegisterUserServiceTest {
  @Mock UserRepository users;
  @Mock ProfileRepository profiles;
  @Mock PasswordHasher hasher;
  final DirectTransactions transactions = new DirectTransactions();
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final RecordingJobQueue queue = new RecordingJobQueue();

  RegisterUserService service() {
    return new RegisterUserService(
        users, profiles, hasher, transactions, queue.jobs(transactions), clock);
  }

  @Test
  void createsUserWithRoleUserAndProfileInOneTransaction() {
    Password password = new Password("a long passphrase");
    when(hasher.hash(password)).thenReturn("$hashed$");
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.empty());
    when(users.add(any())).thenAnswer(inv -> inv.getArgument(0));
    when(profiles.save(any())).thenAnswer(inv -> inv.getArgument(0));

    UserAccount account =
        service().register(new RegisterUserCommand(new Email("Ada@Example.com"), password, "Ada"));

    ArgumentCaptor<User> saved = ArgumentCaptor.forClass(User.class);
    verify(users).add(saved.capture());
    assertThat(saved.getValue().email().value()).isEqualTo("ada@example.com");
    assertThat(saved.getValue().passwordHash()).isEqualTo("$hashed$");
    assertThat(saved.getValue().roles()).containsExactly(Role.USER);
    assertThat(saved.getValue().createdAt()).isEqualTo(T0);
    assertThat(account.profile().userId()).isEqualTo(saved.getValue().id());
    assertThat(account.profile().displayName()).isEqualTo("Ada");
    assertThat(transactions.opened()).isEqualTo(1);
    assertThat(queue.requests())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.queue()).isEqualTo("email");
              assertThat(job.type()).isEqualTo("email.send");
              assertThat(job.payload())
                  .containsEntry("template", "welcome")
                  .containsEntry("to", "ada@example.com");
              // The display name is the registrant's text: it never reaches the email.
              assertThat(job.payload().values()).doesNotContain("Ada");
            });
  }

  @Test
  void refusesAnEmailAlreadyRegistered() {
    when(hasher.hash(any())).thenReturn("$h$");
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(aUser().build()));

    assertThatThrownBy(
            () ->
                service()
                    .register(
                        new RegisterUserCommand(
                            new Email("ADA@example.com"), new Password("a long passphrase"), null)))
        .isInstanceOf(EmailAlreadyRegisteredException.class);
    verify(users, never()).add(any());
    assertThat(queue.requests()).isEmpty();
    verify(profiles, never()).save(any());
  }

  @Test
  void aProfileFailurePropagatesSoTheTransactionRollsBack() {
    when(hasher.hash(any())).thenReturn("$h$");
    when(users.findByEmail(any())).thenReturn(Optional.empty());
    when(users.add(any())).thenAnswer(inv -> inv.getArgument(0));
    when(profiles.save(any(Profile.class))).thenThrow(new IllegalStateException("disk full"));

    assertThatThrownBy(
            () ->
                service()
                    .register(
                        new RegisterUserCommand(
                            new Email("a@b.io"), new Password("a long passphrase"), null)))
        .hasMessage("disk full");
    assertThat(transactions.opened()).isEqualTo(1);
  }

  @Test
  void invalidDisplayNameFailsBeforeHashingOrWriting() {
    assertThatThrownBy(
            () ->
                service()
                    .register(
                        new RegisterUserCommand(
                            new Email("a@b.io"),
                            new Password("a long passphrase"),
                            "x".repeat(101))))
        .isInstanceOf(InvalidInputException.class);
    verify(hasher, never()).hash(any());
    assertThat(transactions.opened()).isZero();
  }

  @Test
  void commandNeedsEmailAndPassword() {
    assertThatThrownBy(() -> new RegisterUserCommand(null, new Password("a long passphrase"), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new RegisterUserCommand(new Email("a@b.io"), null, null))
        .isInstanceOf(InvalidInputException.class);
  }
}
