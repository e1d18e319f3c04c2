package dev.worklane.adapter.out.persistence.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class ProfileRepositoryAdapterIT extends ProfileRepositoryContract {

  private final ProfileRepositoryAdapter adapter;
  private final UserRepositoryAdapter users;
  private final JdbcTemplate jdbc;
  private final Transactions transactions;

  ProfileRepositoryAdapterIT(
      ProfileRepositoryAdapter adapter,
      UserRepositoryAdapter users,
      JdbcTemplate jdbc,
      Transactions transactions) {
    this.adapter = adapter;
    this.users = users;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  protected ProfileRepository profiles() {
    return adapter;
  }

  @Override
  protected UserId existingUser() {
    return users
        .add(
            aUser()
                .email("p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  @Test
  void savingKeepsTheAvatarAndTheCreationTime() {
    UserId user = existingUser();
    adapter.save(new Profile(user, "Before", ZoneId.of("UTC"), T0));
    jdbc.update("update profiles set avatar_key = 'avatars/k.png' where user_id = ?", user.value());

    // Even a profile that carries another key: the avatar changes only through replaceAvatar.
    adapter.save(new Profile(user, "After", ZoneId.of("UTC"), "other", T0.plusSeconds(30)));

    Map<String, Object> row =
        jdbc.queryForMap(
            "select display_name, avatar_key, created_at, updated_at from profiles where"
                + " user_id = ?",
            user.value());
    assertThat(row.get("display_name")).isEqualTo("After");
    assertThat(row.get("avatar_key")).isEqualTo("avatars/k.png");
    assertThat(((Timestamp) row.get("created_at")).toInstant()).isEqualTo(T0);
    assertThat(((Timestamp) row.get("updated_at")).toInstant()).isEqualTo(T0.plusSeconds(30));
  }

  /**
   * A profile edit that loaded the entity before a concurrent upload committed writes its name over
   * the row, but not the avatar key it read.
   */
  @Test
  void anEditThatReadTheRowBeforeAnUploadDoesNotUndoIt() throws Exception {
    UserId user = existingUser();
    adapter.save(new Profile(user, "Ada", ZoneId.of("UTC"), T0));
    CountDownLatch read = new CountDownLatch(1);
    CountDownLatch uploaded = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> edit =
          pool.submit(
              () ->
                  transactions.inTransaction(
                      () -> {
                        Profile before = adapter.findByUserId(user).orElseThrow();
                        read.countDown();
                        await(uploaded);
                        adapter.save(before.rename("Ada L.", T0.plusSeconds(2)));
                      }));
      await(read);
      adapter.replaceAvatar(user, "avatars/" + user + "/1.png", T0.plusSeconds(1));
      uploaded.countDown();
      edit.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(adapter.findByUserId(user).orElseThrow())
        .extracting(Profile::displayName, Profile::avatarKey)
        .containsExactly("Ada L.", "avatars/" + user + "/1.png");
  }

  /**
   * Two uploads at once: the second waits for the first's row lock and learns the key the first
   * committed, so the first's object is the one replaced (and deleted), not the one before both.
   */
  @Test
  void concurrentReplacementsEachReplaceTheKeyCommittedBefore() throws Exception {
    UserId user = existingUser();
    adapter.save(new Profile(user, "Ada", ZoneId.of("UTC"), T0));
    adapter.replaceAvatar(user, "avatars/" + user + "/0.png", T0);
    CountDownLatch firstReplaced = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<String>> first =
          pool.submit(
              () ->
                  transactions.inTransaction(
                      () -> {
                        var replaced =
                            adapter.replaceAvatar(user, "avatars/" + user + "/1.png", T0);
                        firstReplaced.countDown();
                        await(commitFirst);
                        return replaced.orElseThrow().previousKey();
                      }));
      await(firstReplaced);
      Future<Optional<String>> second =
          pool.submit(
              () ->
                  transactions.inTransaction(
                      () ->
                          adapter
                              .replaceAvatar(user, "avatars/" + user + "/2.png", T0)
                              .orElseThrow()
                              .previousKey()));
      // The second is blocked on the first's lock until it commits.
      Thread.sleep(200);
      assertThat(second).isNotDone();
      commitFirst.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).contains("avatars/" + user + "/0.png");
      assertThat(second.get(10, TimeUnit.SECONDS)).contains("avatars/" + user + "/1.png");
    } finally {
      pool.shutdownNow();
    }
    assertThat(adapter.findByUserId(user).orElseThrow().avatarKey())
        .isEqualTo("avatars/" + user + "/2.png");
  }

  @Test
  void oneStoredAvatarBelongsToOneProfile() {
    UserId ada = existingUser();
    UserId bob = existingUser();
    adapter.save(new Profile(ada, "Ada", ZoneId.of("UTC"), T0));
    adapter.save(new Profile(bob, "Bob", ZoneId.of("UTC"), T0));
    adapter.replaceAvatar(ada, "avatars/shared.png", T0);

    assertThatThrownBy(() -> adapter.replaceAvatar(bob, "avatars/shared.png", T0))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void profileOfAnUnknownUserIsRefusedByTheForeignKey() {
    Profile orphan = new Profile(UserId.random(), "Orphan", ZoneId.of("UTC"), T0);

    assertThatThrownBy(() -> adapter.save(orphan))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(adapter.findByUserId(orphan.userId())).isEmpty();
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
