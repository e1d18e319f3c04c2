package dev.worklane.adapter.out.persistence.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.auth.PasswordResetToken;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

/** Password-reset tokens on real PostgreSQL: single use under races. */
@PersistenceIntegrationTest
class JdbcPasswordResetTokenRepositoryAdapterIT {
  static final Duration VALIDITY = Duration.ofHours(1);

  private final JdbcPasswordResetTokenRepositoryAdapter tokens;
  private final UserRepository users;
  private final Transactions transactions;
  private final JdbcTemplate jdbc;
  private final ExecutorService otherRequest = Executors.newSingleThreadExecutor();

  JdbcPasswordResetTokenRepositoryAdapterIT(
      JdbcPasswordResetTokenRepositoryAdapter tokens,
      UserRepository users,
      Transactions transactions,
      JdbcTemplate jdbc) {
    this.tokens = tokens;
    this.users = users;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void noTokens() {
    jdbc.update("delete from password_reset_tokens");
  }

  @AfterEach
  void stopOtherRequest() {
    otherRequest.shutdownNow();
  }

  private UserId newUser() {
    User user =
        aUser()
            .email("reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
            .build();
    return users.add(user).id();
  }

  private static String hash() {
    return UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
  }

  private Optional<PasswordResetToken> find(String hash) {
    return transactions.inTransaction(() -> tokens.findForUpdate(hash));
  }

  @Test
  void anAddedTokenIsFoundByItsHash() {
    PasswordResetToken token = PasswordResetToken.issue(hash(), newUser(), T0, VALIDITY);

    tokens.add(token);

    assertThat(find(token.tokenHash())).contains(token);
    assertThat(find(hash())).isEmpty();
  }

  @Test
  void findForUpdateOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> tokens.findForUpdate(hash()))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aLockedTokenMakesASecondResetWaitAndThenSeeItUsed() throws Exception {
    UserId user = newUser();
    PasswordResetToken token = PasswordResetToken.issue(hash(), user, T0, VALIDITY);
    tokens.add(token);
    Instant usedAt = T0.plusSeconds(60);
    CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
    CountDownLatch secondIsWaiting = new CountDownLatch(1);

    Future<?> first =
        otherRequest.submit(
            () ->
                transactions.inTransaction(
                    () -> {
                      assertThat(tokens.findForUpdate(token.tokenHash())).isPresent();
                      firstHoldsTheLock.countDown();
                      await(secondIsWaiting);
                      tokens.useAllOf(user, usedAt);
                    }));
    assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();

    AtomicBoolean sawTheWait = new AtomicBoolean();
    Thread watcher =
        Thread.ofPlatform()
            .start(
                () -> {
                  sawTheWait.set(aBackendWaitsForALockWithin(Duration.ofSeconds(10)));
                  secondIsWaiting.countDown();
                });
    Optional<PasswordResetToken> seenBySecond = find(token.tokenHash());
    watcher.join(10_000);
    first.get(10, TimeUnit.SECONDS);

    assertThat(sawTheWait).as("PostgreSQL saw the second reset wait for the row lock").isTrue();
    assertThat(seenBySecond)
        .as("the second reset waited for the first to commit, then read the used token")
        .hasValueSatisfying(t -> assertThat(t.usedAt()).isEqualTo(usedAt));
    assertThat(seenBySecond.get().usableAt(T0.plusSeconds(61))).isFalse();
  }

  @Test
  void useAllOfMarksOnlyTheUsersUnusedTokens() {
    UserId user = newUser();
    UserId someoneElse = newUser();
    PasswordResetToken older = PasswordResetToken.issue(hash(), user, T0, VALIDITY);
    PasswordResetToken newer = PasswordResetToken.issue(hash(), user, T0.plusSeconds(5), VALIDITY);
    PasswordResetToken alreadyUsed =
        new PasswordResetToken(hash(), user, T0, T0.plus(VALIDITY), T0.plusSeconds(1));
    PasswordResetToken theirs = PasswordResetToken.issue(hash(), someoneElse, T0, VALIDITY);
    for (PasswordResetToken token : new PasswordResetToken[] {older, newer, alreadyUsed, theirs}) {
      tokens.add(token);
    }
    Instant now = T0.plusSeconds(30);

    tokens.useAllOf(user, now);

    assertThat(find(older.tokenHash()))
        .hasValueSatisfying(t -> assertThat(t.usedAt()).isEqualTo(now));
    assertThat(find(newer.tokenHash()))
        .hasValueSatisfying(t -> assertThat(t.usedAt()).isEqualTo(now));
    assertThat(find(alreadyUsed.tokenHash())).contains(alreadyUsed);
    assertThat(find(theirs.tokenHash())).contains(theirs);
  }

  @Test
  void purgeExpiredDeletesTokensThatExpiredBeforeTheCutoff() {
    UserId user = newUser();
    PasswordResetToken expired = PasswordResetToken.issue(hash(), user, T0, VALIDITY);
    PasswordResetToken expiresAtCutoff =
        PasswordResetToken.issue(hash(), user, T0.plusSeconds(60), VALIDITY);
    PasswordResetToken live = PasswordResetToken.issue(hash(), user, T0.plusSeconds(120), VALIDITY);
    tokens.add(expired);
    tokens.add(expiresAtCutoff);
    tokens.add(live);

    assertThat(tokens.purgeExpired(expiresAtCutoff.expiresAt())).isEqualTo(1);

    assertThat(find(expired.tokenHash())).isEmpty();
    assertThat(find(expiresAtCutoff.tokenHash())).isPresent();
    assertThat(find(live.tokenHash())).isPresent();
  }

  @Test
  void tokensGoWithTheirUser() {
    UserId user = newUser();
    PasswordResetToken token = PasswordResetToken.issue(hash(), user, T0, VALIDITY);
    tokens.add(token);

    jdbc.update("delete from users where id = ?", user.value());

    assertThat(find(token.tokenHash())).isEmpty();
  }

  /** Deterministic: PostgreSQL itself reports the second transaction as waiting for a row lock. */
  private boolean aBackendWaitsForALockWithin(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Integer waiting =
          jdbc.queryForObject(
              """
              select count(*) from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock'
                 and query like '%from password_reset_tokens where token_hash%'
              """,
              Integer.class);
      if (waiting != null && waiting > 0) {
        return true;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(15, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the second reset never waited");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
