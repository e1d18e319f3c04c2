package dev.worklane.adapter.out.persistence.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.EmailAlreadyRegisteredException;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import dev.worklane.domain.user.UserStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do, whatever stores it. Tests make their own users with
 * unique emails, so they may share one store.
 */
abstract class UserRepositoryContract {

  protected abstract UserRepository users();

  protected static String uniqueEmail(String localPart) {
    return localPart + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void addedUserIsFoundByIdWithEveryField() {
    User user =
        aUser().email(uniqueEmail("ada")).roles(Role.MANAGER, Role.ADMIN).createdAt(T0).build();

    User added = users().add(user);

    assertThat(added).isEqualTo(user);
    assertThat(users().findById(user.id())).contains(user);
  }

  @Test
  void findByEmailFindsTheUserWhateverCaseTheAddressIsGivenIn() {
    String email = uniqueEmail("grace");
    User user = users().add(aUser().email(email).build());

    assertThat(users().findByEmail(new Email(email.toUpperCase()))).contains(user);
  }

  @Test
  void findAnswersEmptyForUnknownIdOrEmail() {
    assertThat(users().findById(UserId.random())).isEmpty();
    assertThat(users().findByEmail(new Email(uniqueEmail("nobody")))).isEmpty();
  }

  @Test
  void addRejectsDuplicateEmailCaseInsensitively() {
    String email = uniqueEmail("linus");
    User first = users().add(aUser().email(email).build());

    assertThatThrownBy(() -> users().add(aUser().email(email.toUpperCase()).build()))
        .isInstanceOf(EmailAlreadyRegisteredException.class);
    assertThat(users().findByEmail(new Email(email))).contains(first);
  }

  @Test
  void updateStoresNewStatusRolesAndUpdateTimeButKeepsCreationTime() {
    User user = users().add(aUser().email(uniqueEmail("barbara")).roles(Role.USER).build());
    User changed =
        new User(
            user.id(),
            user.email(),
            "$2a$10$another",
            Set.of(Role.MANAGER, Role.ADMIN),
            UserStatus.DISABLED,
            user.createdAt(),
            T0.plus(Duration.ofHours(1)),
            user.version());

    User updated = users().update(changed);

    User stored = withVersion(changed, user.version() + 1);
    assertThat(updated).isEqualTo(stored);
    assertThat(users().findById(user.id())).contains(stored);
  }

  @Test
  void anUpdateFromAStaleReadIsAConflictAndKeepsTheNewerChange() {
    User read = users().add(aUser().email(uniqueEmail("grace")).build());
    User disabled = users().update(read.disable(T0.plusSeconds(1)));

    // A password change that read the account before the disable must not re-activate it.
    assertThatThrownBy(() -> users().update(read.changePassword("$2a$10$stale", T0.plusSeconds(2))))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("CONCURRENT_MODIFICATION"));
    assertThat(users().findById(read.id())).contains(disabled);
    assertThat(disabled.version()).isEqualTo(read.version() + 1);
  }

  private static User withVersion(User user, long version) {
    return new User(
        user.id(),
        user.email(),
        user.passwordHash(),
        user.roles(),
        user.status(),
        user.createdAt(),
        user.updatedAt(),
        version);
  }

  @Test
  void updateDropsRolesNoLongerHeld() {
    User user =
        users().add(aUser().email(uniqueEmail("edsger")).roles(Role.ADMIN, Role.USER).build());

    users()
        .update(
            new User(
                user.id(),
                user.email(),
                user.passwordHash(),
                Set.of(Role.USER),
                user.status(),
                user.createdAt(),
                T0.plusSeconds(60),
                user.version()));

    assertThat(users().findById(user.id()).orElseThrow().roles()).containsExactly(Role.USER);
  }

  @Test
  void disablingAUserIsStored() {
    User user = users().add(aUser().email(uniqueEmail("ken")).build());

    users().update(user.disable(T0.plusSeconds(5)));

    User stored = users().findById(user.id()).orElseThrow();
    assertThat(stored.isActive()).isFalse();
    assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void listPagesEveryAccountOnceOldestFirstWithTheTotal() {
    for (int i = 0; i < 3; i++) {
      users().add(aUser().email(uniqueEmail("listed")).createdAt(T0.minusSeconds(i)).build());
    }

    Page<User> first = users().list(new PageRequest(1, 2));
    List<User> all = new ArrayList<>(first.items());
    for (int page = 2; page <= (first.total() + 1) / 2; page++) {
      all.addAll(users().list(new PageRequest(page, 2)).items());
    }

    assertThat(first.total()).isGreaterThanOrEqualTo(3);
    assertThat(first.page()).isEqualTo(1);
    assertThat(first.perPage()).isEqualTo(2);
    assertThat(all).hasSize((int) first.total()).doesNotHaveDuplicates();
    // PostgreSQL compares uuids as unsigned bytes: the order of their text, not UUID.compareTo.
    assertThat(all)
        .isSortedAccordingTo(
            Comparator.comparing(User::createdAt).thenComparing(u -> u.id().toString()));
    assertThat(all).allSatisfy(user -> assertThat(user.roles()).isNotEmpty());
    assertThat(users().list(new PageRequest((int) first.total() + 1, 1)).items()).isEmpty();
  }
}
