package dev.worklane.application.service.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Password;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class MyAccountServiceTest {
  @Mock UserRepository users;
  @Mock ProfileRepository profiles;
  @Mock Cache cache;
  @Mock PasswordHasher hasher;
  @Mock RefreshTokenRepository refreshTokens;
  @Mock RevocationLedger ledger;
  @Mock TokenRevocations replica;
  @Mock Runnable commit;
  DirectTransactions transactions;
  final User ada = aUser().build();
  final Actor actor = new Actor(ada.id(), Set.of(Role.USER));
  final Profile profile = new Profile(ada.id(), "Ada", ZoneId.of("UTC"), T0);

  MyAccountService service() {
    if (transactions == null) {
      transactions = new DirectTransactions(commit);
    }
    return new MyAccountService(
        users,
        profiles,
        new CachedWrites(cache, transactions),
        cache,
        hasher,
        refreshTokens,
        new RevocationService(
            ledger,
            replica,
            transactions,
            Duration.ofDays(30),
            Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC)),
        Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC));
  }

  @Test
  void aCacheMissLoadsFromTheRepositoriesAndFillsTheCache() {
    when(cache.get(CacheKey.user(ada.id()), UserAccount.class)).thenReturn(Cache.Lookup.miss(3));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(profiles.findByUserId(ada.id())).thenReturn(Optional.of(profile));

    UserAccount account = service().get(actor);

    assertThat(account).isEqualTo(UserAccount.of(ada, profile));
    verify(cache).put(CacheKey.user(ada.id()), Cache.Lookup.miss(3), account);
  }

  @Test
  void aCacheHitSkipsTheRepositories() {
    UserAccount cached = UserAccount.of(ada, profile);
    when(cache.get(CacheKey.user(ada.id()), UserAccount.class))
        .thenReturn(Cache.Lookup.hit(cached));

    assertThat(service().get(actor)).isSameAs(cached);
    verifyNoInteractions(users, profiles);
  }

  @Test
  void updatesEvictTheCacheBeforeTheWriteAndAfterCommit() {
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(profiles.findByUserId(ada.id())).thenReturn(Optional.of(profile));
    when(profiles.save(any())).thenAnswer(inv -> inv.getArgument(0));

    service().updateProfile(actor, new UpdateProfileCommand(Optional.of("New"), null));

    InOrder order = inOrder(cache, profiles, commit);
    order.verify(cache).evict(CacheKey.user(ada.id()));
    order.verify(profiles).save(any());
    order.verify(commit).run();
    order.verify(cache).evict(CacheKey.user(ada.id()));
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
                actor,
                new UpdateProfileCommand(
                    Optional.empty(), Optional.of(ZoneId.of("Europe/London"))));
    assertThat(moved.profile().displayName()).isEqualTo("Ada");
    assertThat(moved.profile().timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(transactions.opened()).isEqualTo(2);
  }

  @Test
  void changingThePasswordSignsTheAccountOutEverywhereAfterCommit() {
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(hasher.matches("the old password", ada.passwordHash())).thenReturn(true);
    when(hasher.hash(any())).thenReturn("$new$");

    service()
        .changePassword(
            actor,
            new ChangePasswordCommand("the old password", new Password("a brand new password")));

    InOrder order = inOrder(users, refreshTokens, ledger, commit);
    order.verify(users).update(argThat(u -> u.passwordHash().equals("$new$")));
    order.verify(refreshTokens).revokeAllOf(ada.id(), T0.plusSeconds(5));
    // stamped inside the transaction, and again once it committed
    order.verify(ledger).record(Revocation.notBefore(ada.id(), T0.plusSeconds(5)));
    order.verify(commit).run();
    order.verify(ledger).record(Revocation.notBefore(ada.id(), T0.plusSeconds(5)));
    verify(cache, org.mockito.Mockito.times(2)).evict(CacheKey.user(ada.id()));
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() {
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(hasher.matches("guess", ada.passwordHash())).thenReturn(false);

    assertThatThrownBy(
            () ->
                service()
                    .changePassword(
                        actor,
                        new ChangePasswordCommand("guess", new Password("a brand new password"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("currentPassword");
    verify(users, org.mockito.Mockito.never()).update(any());
    verifyNoInteractions(refreshTokens, ledger, replica);
    assertThat(new ChangePasswordCommand("x", new Password("a brand new password")).toString())
        .doesNotContain("brand");
  }

  @Test
  void aVanishedAccountIsNotFound() {
    when(cache.get(any(), any())).thenReturn(Cache.Lookup.uncacheable());
    when(users.findById(ada.id())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().get(actor)).isInstanceOf(NotFoundException.class);

    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(profiles.findByUserId(ada.id())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().get(actor)).isInstanceOf(NotFoundException.class);
  }
}
