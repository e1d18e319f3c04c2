package dev.worklane.application.service.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.worklane.application.port.in.auth.LoginCommand;
import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.common.RateLimitedException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Failed logins are counted per account and client: guessing is stopped, the owner is not. */
@ExtendWith(MockitoExtension.class)
class LoginThrottleTest {
  static final String RIGHT = "right password";
  static final String WRONG = "wrong password";
  static final String ATTACKER = "203.0.113.9";
  static final String OWNER = "2001:db8:1:2::/64";

  @Mock UserRepository users;
  @Mock RefreshTokenRepository refreshTokens;
  @Mock PasswordHasher hasher;
  @Mock AccessTokenIssuer issuer;
  @Mock AuthenticationMetrics metrics;
  @Mock RevocationLedger ledger;
  @Mock TokenRevocations replica;
  final BudgetPerKey limiter = new BudgetPerKey(5);
  final User ada = aUser().email("ada@example.com").passwordHash("$h$").build();

  AuthenticationService service(LoginThrottle throttle) {
    DirectTransactions transactions = new DirectTransactions();
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    return new AuthenticationService(
        users,
        refreshTokens,
        hasher,
        issuer,
        transactions,
        AuthSettings.defaults(),
        clock,
        metrics,
        new RevocationService(ledger, replica, transactions, Duration.ofDays(30), clock),
        throttle);
  }

  AuthenticationService service() {
    return service(new LoginThrottle(limiter, metrics));
  }

  @BeforeEach
  void ada() {
    lenient().when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));
    lenient().when(hasher.matches(RIGHT, "$h$")).thenReturn(true);
    lenient().when(hasher.matches(WRONG, "$h$")).thenReturn(false);
    lenient().when(issuer.issue(any(), any(), any())).thenReturn("jwt");
  }

  @Test
  void aGuessingClientIsStoppedWithoutLockingTheOwnerOut() {
    AuthenticationService service = service();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", WRONG, ATTACKER)))
          .isInstanceOf(AuthenticationFailedException.class);
    }

    assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", RIGHT, ATTACKER)))
        .as("even the right password: the pair's budget is spent")
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isPositive())
        .satisfies(e -> assertThat(((RateLimitedException) e).policy()).isEqualTo("login-account"));
    verify(hasher, never()).matches(RIGHT, "$h$");
    verify(metrics).loginFailed("throttled");

    assertThat(service.login(new LoginCommand("ada@example.com", RIGHT, OWNER)).accessToken())
        .as("the owner, from their own client")
        .isEqualTo("jwt");
  }

  @Test
  void onlyFailuresCount() {
    AuthenticationService service = service();
    for (int i = 0; i < 20; i++) {
      service.login(new LoginCommand("ada@example.com", RIGHT, OWNER));
    }
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", WRONG, OWNER)))
          .isInstanceOf(AuthenticationFailedException.class);
    }
    service.login(new LoginCommand("ada@example.com", RIGHT, OWNER));
    assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", WRONG, OWNER)))
        .as("the 5th failure is still within the budget")
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", RIGHT, OWNER)))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void theBudgetIsPerNormalisedEmailAndKeysHoldNoAddress() {
    AuthenticationService service = service();
    for (String spelling :
        new String[] {"ada@example.com", " ADA@example.com", "Ada@Example.COM "}) {
      for (int i = 0; i < 2; i++) {
        try {
          service.login(new LoginCommand(spelling, WRONG, ATTACKER));
        } catch (AuthenticationFailedException | RateLimitedException expected) {
          // counted either way
        }
      }
    }
    assertThat(limiter.used).hasSize(1);
    String key = limiter.used.keySet().iterator().next();
    assertThat(key).doesNotContainIgnoringCase("ada").endsWith(":" + ATTACKER);
    assertThat(limiter.used.get(key)).isEqualTo(5);
  }

  @Test
  void unknownAccountsAreThrottledAlikeSoA429DoesNotRevealAnAccount() {
    AuthenticationService service = service();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () -> service.login(new LoginCommand("nobody@example.com", WRONG, ATTACKER)))
          .isInstanceOf(AuthenticationFailedException.class);
    }
    assertThatThrownBy(() -> service.login(new LoginCommand("nobody@example.com", WRONG, ATTACKER)))
        .isInstanceOf(RateLimitedException.class);
    verify(hasher, times(5)).matchAgainstDummy(WRONG);
  }

  @Test
  void browserSessionLoginsShareTheBudget() {
    AuthenticationService service = service();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () -> service.authenticate(new LoginCommand("ada@example.com", WRONG, ATTACKER)))
          .isInstanceOf(AuthenticationFailedException.class);
    }
    assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", RIGHT, ATTACKER)))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void switchedOffItCountsNothing() {
    AuthenticationService service = service(LoginThrottle.off());
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> service.login(new LoginCommand("ada@example.com", WRONG, ATTACKER)))
          .isInstanceOf(AuthenticationFailedException.class);
    }
    assertThat(service.login(new LoginCommand("ada@example.com", RIGHT, ATTACKER)).accessToken())
        .isEqualTo("jwt");
    verify(metrics, never()).loginFailed("throttled");
  }

  @Test
  void aCommandWithoutClientCountsAsTheLocalClient() {
    assertThat(new LoginCommand("a@b.c", "pw").client()).isEqualTo(LoginCommand.LOCAL_CLIENT);
    assertThat(new LoginCommand("a@b.c", "pw", " ").client()).isEqualTo(LoginCommand.LOCAL_CLIENT);
    assertThat(new LoginCommand("a@b.c", "secret", "10.0.0.1").toString())
        .doesNotContain("secret")
        .contains("10.0.0.1");
    verify(metrics, never()).loginFailed(anyString());
  }

  /** A fixed budget per key within one window (time never moves here), with refunds. */
  static final class BudgetPerKey implements RateLimiter {
    final int budget;
    final Map<String, Integer> used = new HashMap<>();

    BudgetPerKey(int budget) {
      this.budget = budget;
    }

    @Override
    public Decision tryConsume(Scope scope, String key) {
      assertThat(scope).isEqualTo(Scope.LOGIN_ACCOUNT);
      int already = used.getOrDefault(key, 0);
      boolean allowed = already < budget;
      if (allowed) {
        used.put(key, already + 1);
      }
      Duration window = Duration.ofMinutes(15);
      return new Decision(
          scope,
          allowed,
          budget,
          budget - used.get(key),
          window,
          allowed ? window : Duration.ofMinutes(3));
    }

    @Override
    public void refund(Scope scope, String key) {
      used.computeIfPresent(key, (k, n) -> Math.max(0, n - 1));
    }
  }
}
