package dev.worklane.adapter.out.persistence.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.user.UserId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class RefreshTokenRepositoryAdapterIT extends RefreshTokenRepositoryContract {

  private final RefreshTokenRepositoryAdapter adapter;
  private final UserRepository users;
  private final Transactions transactions;
  private final JdbcTemplate jdbc;

  RefreshTokenRepositoryAdapterIT(
      RefreshTokenRepositoryAdapter adapter,
      UserRepository users,
      Transactions transactions,
      JdbcTemplate jdbc) {
    this.adapter = adapter;
    this.users = users;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  @Override
  protected RefreshTokenRepository tokens() {
    return adapter;
  }

  @Override
  protected UserId existingUser() {
    return users
        .add(
            aUser()
                .email("t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  /** The guard of refresh-token rotation: racing requests with one token, one winner. */
  @Test
  void concurrentRotationsOfOneTokenHaveExactlyOneWinner() throws Exception {
    RefreshToken current = login(existingUser());
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      attempts.add(
          () -> {
            start.await();
            return transactions.inTransaction(
                () -> {
                  RefreshToken successor = current.successor(uniqueHash(), T0.plusSeconds(1));
                  adapter.add(successor);
                  return adapter.markRotated(current.id(), successor.id(), T0.plusSeconds(1));
                });
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Callable<Boolean> attempt : attempts) {
        results.add(pool.submit(attempt));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rotationRecordsWhenItHappened() {
    RefreshToken current = login(existingUser());
    rotate(current, T0.plusSeconds(42));

    Timestamp rotatedAt =
        jdbc.queryForObject(
            "select rotated_at from refresh_tokens where id = ?", Timestamp.class, current.id());
    assertThat(rotatedAt.toInstant()).isEqualTo(T0.plusSeconds(42));
  }

  @Test
  void tokenHashesAreUnique() {
    RefreshToken first = login(existingUser());
    RefreshToken clash = RefreshToken.startFamily(existingUser(), first.tokenHash(), T0, EXPIRY);

    assertThatThrownBy(() -> adapter.add(clash))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void tokensOfAnUnknownUserAreRefusedByTheForeignKey() {
    RefreshToken orphan = RefreshToken.startFamily(UserId.random(), uniqueHash(), T0, EXPIRY);

    assertThatThrownBy(() -> adapter.add(orphan))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aRevokeRacingARotationAlsoRevokesTheSuccessor() throws Exception {
    assertARevokeRacingARotationRevokesTheSuccessor(
        first -> adapter.revokeFamily(first.familyId(), T0.plusSeconds(2)));
  }

  /** A password change or disable revoking everything of the user locks what rotation locks. */
  @Test
  void aRevokeAllRacingARotationAlsoRevokesTheSuccessor() throws Exception {
    assertARevokeRacingARotationRevokesTheSuccessor(
        first ->
            transactions.inTransaction(
                () -> adapter.revokeAllOf(first.userId(), T0.plusSeconds(2))));
  }

  private void assertARevokeRacingARotationRevokesTheSuccessor(
      java.util.function.Function<RefreshToken, Integer> revokeAll) throws Exception {
    UserId user = existingUser();
    RefreshToken first =
        RefreshToken.startFamily(user, "race-" + UUID.randomUUID(), T0, T0.plusSeconds(3600));
    adapter.add(first);
    RefreshToken successor = first.successor("race-next-" + UUID.randomUUID(), T0.plusSeconds(1));
    CountDownLatch rotatedNotCommitted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> rotation =
          pool.submit(
              () ->
                  transactions.inTransaction(
                      () -> {
                        adapter.add(successor);
                        boolean rotated =
                            adapter.markRotated(first.id(), successor.id(), T0.plusSeconds(1));
                        rotatedNotCommitted.countDown();
                        await(commit);
                        return rotated;
                      }));
      assertThat(rotatedNotCommitted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> revoke = pool.submit(() -> revokeAll.apply(first));
      // the revoke must be waiting on the family lock before the rotation commits
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                              + " and query like '%refresh_tokens%'",
                          Integer.class)
                      > 0);
      commit.countDown();

      assertThat(rotation.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(revoke.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(adapter.findByHash(successor.tokenHash()).orElseThrow().isRevoked())
          .as("the successor committed while the revoke waited must be revoked too")
          .isTrue();
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
