package dev.worklane.application.service.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.IssuedTokens;
import dev.worklane.application.port.in.auth.LoginCommand;
import dev.worklane.application.port.in.auth.LogoutCommand;
import dev.worklane.application.port.in.auth.SessionLogin;
import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AuthenticationServiceTest {
  @Mock UserRepository users;
  @Mock RefreshTokenRepository refreshTokens;
  @Mock PasswordHasher hasher;
  @Mock AccessTokenIssuer issuer;
  @Mock AuthenticationMetrics metrics;
  @Mock RevocationLedger ledger;
  @Mock TokenRevocations replica;
  final DirectTransactions transactions = new DirectTransactions();
  Instant now = T0.plus(Duration.ofDays(1));

  final User ada = aUser().email("ada@example.com").passwordHash("$h$").build();

  AuthenticationService service() {
    return new AuthenticationService(
        users,
        refreshTokens,
        hasher,
        issuer,
        transactions,
        AuthSettings.defaults(),
        Clock.fixed(now, ZoneOffset.UTC),
        metrics,
        new RevocationService(
            ledger, replica, transactions, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC)),
        LoginThrottle.off());
  }

  @Test
  void loginIssuesAccessAndRefreshTokensForTheRightPassword() {
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    when(hasher.matches("right password", "$h$")).thenReturn(true);
    when(issuer.issue(eq(ada), any(), eq(now))).thenReturn("jwt");

    IssuedTokens tokens = service().login(new LoginCommand(" ADA@example.com", "right password"));

    ArgumentCaptor<RefreshToken> stored = ArgumentCaptor.forClass(RefreshToken.class);
    verify(refreshTokens).add(stored.capture());
    assertThat(tokens.accessToken()).isEqualTo("jwt");
    assertThat(tokens.accessTokenTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(stored.getValue().tokenHash()).isEqualTo(OpaqueTokens.hash(tokens.refreshToken()));
    assertThat(stored.getValue().expiresAt()).isEqualTo(now.plus(Duration.ofDays(30)));
    assertThat(stored.getValue().userId()).isEqualTo(ada.id());
    verify(issuer).issue(ada, stored.getValue().familyId(), now);
    verify(metrics).loginSucceeded();
    assertThat(tokens.toString()).doesNotContain(tokens.refreshToken()).doesNotContain("jwt");
  }

  @Test
  void loginReplacesAHashOfAnOutdatedSchemeWithoutTouchingTheAccountOtherwise() {
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    when(hasher.matches("right password", "$h$")).thenReturn(true);
    when(hasher.rehashIfOutdated("right password", "$h$")).thenReturn(Optional.of("$fresh$"));

    service().login(new LoginCommand("ada@example.com", "right password"));

    ArgumentCaptor<User> updated = ArgumentCaptor.forClass(User.class);
    verify(users).update(updated.capture());
    assertThat(updated.getValue().passwordHash()).isEqualTo("$fresh$");
    assertThat(updated.getValue())
        .usingRecursiveComparison()
        .ignoringFields("passwordHash")
        .isEqualTo(ada);
  }

  @Test
  void aConcurrentChangeOfTheAccountWinsOverTheRehashAndTheLoginStillSucceeds() {
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    when(hasher.matches("right password", "$h$")).thenReturn(true);
    when(hasher.rehashIfOutdated("right password", "$h$")).thenReturn(Optional.of("$fresh$"));
    when(users.update(any())).thenThrow(new ConflictException("CONCURRENT_MODIFICATION", "later"));
    when(issuer.issue(eq(ada), any(), eq(now))).thenReturn("jwt");

    IssuedTokens tokens = service().login(new LoginCommand("ada@example.com", "right password"));

    assertThat(tokens.accessToken()).isEqualTo("jwt");
  }

  @Test
  void aCurrentHashIsLeftAlone() {
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    when(hasher.matches("right password", "$h$")).thenReturn(true);

    service().login(new LoginCommand("ada@example.com", "right password"));

    verify(users, never()).update(any());
  }

  @Test
  void wrongPasswordAndUnknownEmailFailTheSameWay() {
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    when(hasher.matches("wrong password", "$h$")).thenReturn(false);
    when(users.findByEmail(new Email("nobody@example.com"))).thenReturn(Optional.empty());

    Throwable wrong = catchLogin("ada@example.com", "wrong password");
    Throwable unknown = catchLogin("nobody@example.com", "wrong password");

    assertThat(wrong).isInstanceOf(AuthenticationFailedException.class);
    assertThat(unknown)
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessage(wrong.getMessage());
    assertThat(((AuthenticationFailedException) unknown).code())
        .isEqualTo(((AuthenticationFailedException) wrong).code());
    // the unknown-email path pays for one hash comparison as well (similar timing)
    verify(hasher).matchAgainstDummy("wrong password");
    verify(metrics).loginFailed("wrong_password");
    verify(metrics).loginFailed("unknown_email");
    verify(refreshTokens, never()).add(any());
  }

  @Test
  void malformedEmailIsJustAnotherBadCredential() {
    assertThat(catchLogin("not-an-email", "whatever pass"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(hasher).matchAgainstDummy("whatever pass");
    verify(users, never()).findByEmail(any());
  }

  @Test
  void disabledAccountCannotLogInEvenWithTheRightPassword() {
    User disabled = aUser().email("off@example.com").passwordHash("$h$").disabled().build();
    when(users.findByEmail(new Email("off@example.com"))).thenReturn(Optional.of(disabled));
    when(hasher.matches("right password", "$h$")).thenReturn(true);

    assertThat(catchLogin("off@example.com", "right password"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(metrics).loginFailed("account_disabled");
    verify(refreshTokens, never()).add(any());
  }

  @Test
  void refreshRotatesTheTokenWithinTheFamilyAndKeepsItsExpiry() {
    RefreshToken current = familyStart("old");
    when(refreshTokens.findByHash(OpaqueTokens.hash("old"))).thenReturn(Optional.of(current));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(refreshTokens.markRotated(eq(current.id()), any(), eq(now))).thenReturn(true);
    when(issuer.issue(ada, current.familyId(), now)).thenReturn("jwt2");

    IssuedTokens tokens = service().refresh("old");

    ArgumentCaptor<RefreshToken> successor = ArgumentCaptor.forClass(RefreshToken.class);
    verify(refreshTokens).add(successor.capture());
    assertThat(tokens.accessToken()).isEqualTo("jwt2");
    assertThat(tokens.refreshToken()).isNotEqualTo("old");
    assertThat(successor.getValue().tokenHash())
        .isEqualTo(OpaqueTokens.hash(tokens.refreshToken()));
    assertThat(successor.getValue().familyId()).isEqualTo(current.familyId());
    assertThat(successor.getValue().expiresAt()).isEqualTo(current.expiresAt());
    verify(refreshTokens).markRotated(current.id(), successor.getValue().id(), now);
    assertThat(transactions.opened()).isEqualTo(1);
  }

  @Test
  void rejectsRefreshTokenReuseAndRevokesFamily() {
    RefreshToken rotated = withReplacement(familyStart("old"));
    when(refreshTokens.findByHash(OpaqueTokens.hash("old"))).thenReturn(Optional.of(rotated));

    assertThatThrownBy(() -> service().refresh("old"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(refreshTokens).revokeFamily(rotated.familyId(), now);
    verify(ledger).record(Revocation.session(rotated.familyId(), now.plus(Duration.ofDays(7))));
    verify(metrics).refreshTokenReused();
    verify(refreshTokens, never()).add(any());
  }

  @Test
  void aConcurrentRotationOfTheSameTokenCountsAsReuse() {
    RefreshToken current = familyStart("old");
    when(refreshTokens.findByHash(OpaqueTokens.hash("old"))).thenReturn(Optional.of(current));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(refreshTokens.markRotated(eq(current.id()), any(), eq(now))).thenReturn(false);

    assertThatThrownBy(() -> service().refresh("old"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(refreshTokens).revokeFamily(current.familyId(), now);
    verify(issuer, never()).issue(any(), any(), any());
  }

  @Test
  void rejectsUnknownBlankRevokedAndExpiredTokens() {
    when(refreshTokens.findByHash(anyString())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service().refresh("unknown"))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> service().refresh(" "))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> service().refresh(null))
        .isInstanceOf(AuthenticationFailedException.class);

    RefreshToken start = familyStart("revoked");
    RefreshToken revoked =
        new RefreshToken(
            start.id(),
            start.userId(),
            start.familyId(),
            start.tokenHash(),
            start.issuedAt(),
            start.expiresAt(),
            now,
            null);
    when(refreshTokens.findByHash(OpaqueTokens.hash("revoked"))).thenReturn(Optional.of(revoked));
    assertThatThrownBy(() -> service().refresh("revoked"))
        .isInstanceOf(AuthenticationFailedException.class);

    RefreshToken expired =
        new RefreshToken(
            UUID.randomUUID(),
            ada.id(),
            UUID.randomUUID(),
            OpaqueTokens.hash("expired"),
            T0,
            now,
            null,
            null);
    when(refreshTokens.findByHash(OpaqueTokens.hash("expired"))).thenReturn(Optional.of(expired));
    assertThatThrownBy(() -> service().refresh("expired"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(refreshTokens, never()).add(any());
  }

  @Test
  void refreshForADisabledOrDeletedUserRevokesTheFamily() {
    RefreshToken current = familyStart("old");
    when(refreshTokens.findByHash(OpaqueTokens.hash("old"))).thenReturn(Optional.of(current));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada.disable(now)));

    assertThatThrownBy(() -> service().refresh("old"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(refreshTokens).revokeFamily(current.familyId(), now);
    verify(ledger).record(Revocation.session(current.familyId(), now.plus(Duration.ofDays(7))));
  }

  @Test
  void aRefreshTokenIssuedBeforeTheUsersStampIsRejectedAndEndsItsFamily() {
    // A login that raced a password change: its family escaped "revoke all", the stamp did not.
    RefreshToken current = familyStart("old");
    when(refreshTokens.findByHash(OpaqueTokens.hash("old"))).thenReturn(Optional.of(current));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(ledger.notBefore(ada.id())).thenReturn(Optional.of(current.issuedAt().plusMillis(1)));

    assertThatThrownBy(() -> service().refresh("old"))
        .isInstanceOf(AuthenticationFailedException.class);
    verify(refreshTokens).revokeFamily(current.familyId(), now);
    verify(ledger).record(Revocation.session(current.familyId(), now.plus(Duration.ofDays(7))));
    verify(refreshTokens, never()).add(any());
    verify(issuer, never()).issue(any(), any(), any());
  }

  @Test
  void aRefreshTokenIssuedAfterTheStampRotates() {
    RefreshToken current = familyStart("old");
    when(refreshTokens.findByHash(OpaqueTokens.hash("old"))).thenReturn(Optional.of(current));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(ledger.notBefore(ada.id())).thenReturn(Optional.of(current.issuedAt()));
    when(refreshTokens.markRotated(eq(current.id()), any(), eq(now))).thenReturn(true);
    when(issuer.issue(eq(ada), eq(current.familyId()), eq(now))).thenReturn("jwt2");

    assertThat(service().refresh("old").accessToken()).isEqualTo("jwt2");
  }

  @Test
  void logoutRevokesTheSessionFamilyAndDenylistsTheAccessToken() {
    UUID family = UUID.randomUUID();
    Instant exp = now.plusSeconds(600);
    service()
        .logout(new Actor(ada.id(), Set.of(Role.USER)), new LogoutCommand(family, "jti-1", exp));
    verify(refreshTokens).revokeFamily(family, now);
    verify(ledger).record(Revocation.token("jti-1", exp));
    verify(ledger).record(Revocation.session(family, now.plus(Duration.ofDays(7))));
  }

  @Test
  void sessionLogoutWithoutTokensRevokesNothing() {
    service().logout(new Actor(ada.id(), Set.of(Role.USER)), LogoutCommand.none());
    verify(refreshTokens, never()).revokeFamily(any(), any());
    verify(ledger, never()).record(any());
  }

  @Test
  void authenticateChecksCredentialsWithoutIssuingTokens() {
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    when(hasher.matches("right password", "$h$")).thenReturn(true);

    SessionLogin login =
        service().authenticate(new LoginCommand("ada@example.com", "right password"));
    Actor actor = login.actor();
    assertThat(login.authenticatedAt()).as("taken before the account is read").isEqualTo(now);

    assertThat(actor.userId()).isEqualTo(ada.id());
    assertThat(actor.roles()).isEqualTo(ada.roles());
    verify(refreshTokens, never()).add(any());
    verify(issuer, never()).issue(any(), any(), any());
    verify(metrics).loginSucceeded();
    assertThatThrownBy(
            () -> service().authenticate(new LoginCommand("ada@example.com", "nope nope nope")))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void settingsRejectNonPositiveLifetimes() {
    assertThatThrownBy(() -> new AuthSettings(Duration.ZERO, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthSettings(Duration.ofDays(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthSettings(null, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthSettings(Duration.ofDays(1), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loginCommandNeverPrintsThePassword() {
    assertThat(new LoginCommand("a@b.io", "s3cret-pass").toString()).doesNotContain("s3cret");
  }

  private Throwable catchLogin(String email, String password) {
    try {
      service().login(new LoginCommand(email, password));
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private RefreshToken familyStart(String raw) {
    return RefreshToken.startFamily(
        ada.id(), OpaqueTokens.hash(raw), T0, T0.plus(Duration.ofDays(30)));
  }

  private static RefreshToken withReplacement(RefreshToken t) {
    return new RefreshToken(
        t.id(),
        t.userId(),
        t.familyId(),
        t.tokenHash(),
        t.issuedAt(),
        t.expiresAt(),
        null,
        UUID.randomUUID());
  }
}
