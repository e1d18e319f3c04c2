package dev.worklane.application.service.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class MyAccountServiceTest {
  @Mock UserRepository users;
  @Mock ProfileRepository profiles;
  final DirectTransactions transactions = new DirectTransactions();
  final User ada = aUser().build();
  final Actor actor = new Actor(ada.id(), Set.of(Role.USER));
  final Profile profile = new Profile(ada.id(), "Ada", ZoneId.of("UTC"), T0);

  MyAccountService service() {
    return new MyAccountService(
        users, profiles, transactions, Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC));
  }

  @Test
  void returnsTheCallersUserAndProfile() {
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(profiles.findByUserId(ada.id())).thenReturn(Optional.of(profile));
    assertThat(service().get(actor)).isEqualTo(new UserAccount(ada, profile));
  }

  @Test
  void updatesOnlyTheFieldsGiven() {
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(profiles.findByUserId(ada.id())).thenReturn(Optional.of(profile));
    when(profiles.save(any())).thenAnswer(inv -> inv.getArgument(0));

    UserAccount renamed =
        service().updateProfile(actor, new UpdateProfileCommand(Optional.of("Countess"), null));
    assertThat(renamed.profile().displayName()).isEqualTo("Countess");
    assertThat(renamed.profile().timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(renamed.profile().updatedAt()).isEqualTo(T0.plusSeconds(5));

    UserAccount moved =
        service()
            .updateProfile(
                actor, new UpdateProfileCommand(Optional.empty(), Optional.of(ZoneId.of("Europe/London"))));
    assertThat(moved.profile().displayName()).isEqualTo("Ada");
    assertThat(moved.profile().timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(transactions.opened()).isEqualTo(2);
  }

  @Test
  void aVanishedAccountIsNotFound() {
    when(users.findById(ada.id())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().get(actor)).isInstanceOf(NotFoundException.class);

    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(profiles.findByUserId(ada.id())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().get(actor)).isInstanceOf(NotFoundException.class);
  }
}
