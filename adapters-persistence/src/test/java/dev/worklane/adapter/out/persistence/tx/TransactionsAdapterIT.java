package dev.worklane.adapter.out.persistence.tx;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Transactions port: registration's user and profile commit together or not at all. */
@PersistenceIntegrationTest
class TransactionsAdapterIT {

  private final TransactionsAdapter transactions;
  private final UserRepository users;
  private final ProfileRepository profiles;
  private final JdbcTemplate jdbc;

  TransactionsAdapterIT(
      TransactionsAdapter transactions,
      UserRepository users,
      ProfileRepository profiles,
      JdbcTemplate jdbc) {
    this.transactions = transactions;
    this.users = users;
    this.profiles = profiles;
    this.jdbc = jdbc;
  }

  private static User newUser() {
    return aUser()
        .email("tx-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
        .build();
  }

  private int userRows(UserId id) {
    return jdbc.queryForObject(
        "select count(*) from users where id = ?", Integer.class, id.value());
  }

  @Test
  void commitsEveryWriteWhenTheWorkSucceeds() {
    User user = newUser();

    Profile profile =
        transactions.inTransaction(
            () -> {
              users.add(user);
              return profiles.save(Profile.initial(user.id(), user.email(), "Ada", T0));
            });

    assertThat(users.findById(user.id())).contains(user);
    assertThat(profiles.findByUserId(user.id())).contains(profile);
  }

  @Test
  void rollsBackTheUserWhenTheProfileWriteFails() {
    User user = newUser();
    // A profile for a user that does not exist: the foreign key refuses the second write.
    Profile broken = new Profile(UserId.random(), "Broken", ZoneId.of("UTC"), T0);

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      users.add(user);
                      profiles.save(broken);
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(userRows(user.id())).isZero();
    assertThat(users.findById(user.id())).isEmpty();
  }

  @Test
  void rollsBackOnAnyExceptionAndPropagatesIt() {
    User user = newUser();
    IllegalStateException failure = new IllegalStateException("mail server said no");

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      users.add(user);
                      profiles.save(Profile.initial(user.id(), user.email(), null, T0));
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(userRows(user.id())).isZero();
    assertThat(profiles.findByUserId(user.id())).isEmpty();
  }

  @Test
  void nestedWorkJoinsTheOuterTransactionAndRollsBackWithIt() {
    User user = newUser();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      transactions.inTransaction(() -> users.add(user));
                      throw new IllegalArgumentException("outer work failed after inner");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(userRows(user.id())).isZero();
  }

  @Test
  void runsAtReadCommitted() {
    String isolation =
        transactions.inTransaction(
            () -> jdbc.queryForObject("show transaction_isolation", String.class));

    assertThat(isolation).isEqualTo("read committed");
  }

  @Test
  void returnsWhatTheWorkReturns() {
    assertThat(transactions.inTransaction(() -> 42)).isEqualTo(42);
  }

  @Test
  void afterCommitActionsRunOnceTheOutermostTransactionCommittedAndSeeItsData() {
    User user = newUser();
    java.util.List<String> seen = new java.util.ArrayList<>();

    transactions.inTransaction(
        () -> {
          users.add(user);
          transactions.inTransaction(
              () ->
                  transactions.afterCommit(
                      () -> {
                        // outside the committed transaction: another connection sees the row
                        seen.add("rows=" + userRows(user.id()));
                        seen.add(
                            "inTransaction="
                                + org.springframework.transaction.support
                                    .TransactionSynchronizationManager.isActualTransactionActive());
                      }));
          seen.add("work done");
        });

    assertThat(seen).containsExactly("work done", "rows=1", "inTransaction=false");
  }

  @Test
  void afterCommitActionsNeverRunWhenTheTransactionRollsBack() {
    java.util.List<String> ran = new java.util.ArrayList<>();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      transactions.afterCommit(() -> ran.add("evict"));
                      throw new IllegalStateException("failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(ran).isEmpty();
    transactions.afterCommit(() -> ran.add("outside a transaction: at once"));
    assertThat(ran).containsExactly("outside a transaction: at once");
  }

  @Test
  void anAfterCommitActionMayWriteInATransactionOfItsOwn() {
    User first = newUser();
    User second = newUser();

    transactions.inTransaction(
        () -> {
          users.add(first);
          transactions.afterCommit(() -> transactions.inTransaction(() -> users.add(second)));
        });

    assertThat(userRows(second.id())).isEqualTo(1);
  }

  @Test
  void everyAfterCommitActionRunsAndTheFirstFailureIsReported() {
    java.util.List<String> ran = new java.util.ArrayList<>();
    IllegalStateException boom = new IllegalStateException("redis said no");

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      transactions.afterCommit(
                          () -> {
                            throw boom;
                          });
                      transactions.afterCommit(() -> ran.add("second"));
                    }))
        .isSameAs(boom);
    assertThat(ran).containsExactly("second");
  }
}
