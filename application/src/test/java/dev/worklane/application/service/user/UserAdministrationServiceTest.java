package dev.worklane.application.service.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import dev.worklane.domain.user.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
class UserAdministrationServiceTest {
  @Mock UserRepository users;
  @Mock ProfileRepository profiles;
  @Mock RefreshTokenRepository refreshTokens;
  @Mock Cache cache;
  @Mock RevocationLedger ledger;
  @Mock TokenRevocations replica;
  @Mock Runnable commit;
  DirectTransactions transactions;
  final Instant now = T0.plusSeconds(30);
  final Actor admin = new Actor(UserId.random(), Set.of(Role.ADMIN));
  final User target = aUser().build();

  UserAdministrationService service() {
    if (transactions == null) {
      transactions = new DirectTransactions(commit);
    }
    return new UserAdministrationService(
        users,
        profiles,
        refreshTokens,
        new CachedWrites(cache, transactions),
        new RevocationService(
            ledger, replica, transactions, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC)),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void adminDisablesAUserAndRevokesAllTheirRefreshTokens() {
    when(users.findById(target.id())).thenReturn(Optional.of(target));
    when(users.update(any())).thenAnswer(inv -> inv.getArgument(0));
    when(profiles.findByUserId(target.id()))
        .thenReturn(Optional.of(new Profile(target.id(), "T", ZoneId.of("UTC"), T0)));

    UserAccount account = service().disable(admin, target.id());

    assertThat(account.status()).isEqualTo(UserStatus.DISABLED);
    assertThat(account.updatedAt()).isEqualTo(now);
    InOrder order = inOrder(cache, users, refreshTokens, ledger, commit);
    order.verify(cache).evict(CacheKey.user(target.id()));
    order.verify(users).update(any());
    order.verify(refreshTokens).revokeAllOf(target.id(), now);
    order.verify(ledger).record(Revocation.notBefore(target.id(), now));
    order.verify(commit).run();
    order.verify(cache).evict(CacheKey.user(target.id()));
    order.verify(ledger).record(Revocation.notBefore(target.id(), now));
  }

  @Test
  void disablingAnAlreadyDisabledUserChangesNothingButStillRevokes() {
    User off = aUser().disabled().build();
    when(users.findById(off.id())).thenReturn(Optional.of(off));
    when(profiles.findByUserId(off.id()))
        .thenReturn(Optional.of(new Profile(off.id(), "T", ZoneId.of("UTC"), T0)));

    assertThat(service().disable(admin, off.id()).updatedAt()).isEqualTo(off.updatedAt());
    verify(users, never()).update(any());
    verify(refreshTokens).revokeAllOf(off.id(), now);
  }

  @Test
  void managersAndUsersMayNotDisableAccounts() {
    Actor manager = new Actor(UserId.random(), Set.of(Role.MANAGER));
    assertThatThrownBy(() -> service().disable(manager, target.id()))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("user:manage");
    verifyNoInteractions(users, refreshTokens, ledger, replica, cache);
  }

  @Test
  void anAdminCannotDisableThemselves() {
    assertThatThrownBy(() -> service().disable(admin, admin.userId()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void unknownTargetIsNotFound() {
    when(users.findById(target.id())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().disable(admin, target.id()))
        .isInstanceOf(NotFoundException.class);
    verify(refreshTokens, never()).revokeAllOf(any(), any());
  }

  @Test
  void adminsListAccountsWithTheirProfiles() {
    dev.worklane.application.port.model.PageRequest page =
        new dev.worklane.application.port.model.PageRequest(2, 1);
    when(users.list(page))
        .thenReturn(
            new dev.worklane.application.port.model.Page<>(java.util.List.of(target), 2, 1, 5));
    when(profiles.findByUserIds(java.util.List.of(target.id())))
        .thenReturn(
            java.util.Map.of(target.id(), new Profile(target.id(), "T", ZoneId.of("UTC"), T0)));

    var listed = service().list(admin, page);

    assertThat(listed.total()).isEqualTo(5);
    assertThat(listed.items()).extracting(a -> a.profile().displayName()).containsExactly("T");
    assertThatThrownBy(() -> service().list(new Actor(UserId.random(), Set.of(Role.MANAGER)), page))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void changingRolesEndsEveryTokenOfTheAccountSoTheNextLoginCarriesTheNewRoles() {
    when(users.findById(target.id())).thenReturn(Optional.of(target));
    when(users.update(any())).thenAnswer(inv -> inv.getArgument(0));
    when(profiles.findByUserId(target.id()))
        .thenReturn(Optional.of(new Profile(target.id(), "T", ZoneId.of("UTC"), T0)));

    UserAccount changed = service().changeRoles(admin, target.id(), Set.of(Role.MANAGER));

    assertThat(changed.roles()).containsExactly(Role.MANAGER);
    InOrder order = inOrder(cache, users, ledger, commit);
    order.verify(cache).evict(CacheKey.user(target.id()));
    order.verify(users).update(any());
    order.verify(ledger).record(Revocation.notBefore(target.id(), now));
    order.verify(commit).run();
    order.verify(cache).evict(CacheKey.user(target.id()));
  }

  @Test
  void unchangedRolesRevokeNothingAndNobodyChangesTheirOwnRoles() {
    when(users.findById(target.id())).thenReturn(Optional.of(target));
    when(profiles.findByUserId(target.id()))
        .thenReturn(Optional.of(new Profile(target.id(), "T", ZoneId.of("UTC"), T0)));

    service().changeRoles(admin, target.id(), target.roles());

    verify(users, never()).update(any());
    verifyNoInteractions(ledger);
    assertThatThrownBy(() -> service().changeRoles(admin, admin.userId(), Set.of(Role.USER)))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("CANNOT_CHANGE_OWN_ROLES"));
    UserId ghost = UserId.random();
    when(users.findById(ghost)).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().changeRoles(admin, ghost, Set.of(Role.USER)))
        .isInstanceOf(NotFoundException.class);
  }
}
