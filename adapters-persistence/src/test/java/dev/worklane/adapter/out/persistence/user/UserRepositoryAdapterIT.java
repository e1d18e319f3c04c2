package dev.worklane.adapter.out.persistence.user;

import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.EmailAlreadyRegisteredException;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class UserRepositoryAdapterIT extends UserRepositoryContract {

  private final UserRepositoryAdapter adapter;
  private final JdbcTemplate jdbc;

  UserRepositoryAdapterIT(UserRepositoryAdapter adapter, JdbcTemplate jdbc) {
    this.adapter = adapter;
    this.jdbc = jdbc;
  }

  @Override
  protected UserRepository users() {
    return adapter;
  }

  /** Rows written by hand (a migration, an operator) may carry any case; the index still holds. */
  @Test
  void uniqueIndexComparesStoredEmailsCaseInsensitively() {
    String email = uniqueEmail("mixed");
    UUID id = insertRowDirectly(email.toUpperCase());

    assertThat(adapter.findByEmail(new Email(email)).map(user -> user.id().value())).contains(id);
    assertThatThrownBy(() -> adapter.add(aUser().email(email).build()))
        .isInstanceOf(EmailAlreadyRegisteredException.class);
  }

  @Test
  void addLetsOtherIntegrityViolationsThrough() {
    User user = adapter.add(aUser().email(uniqueEmail("twice")).build());
    User sameIdOtherEmail = aUser().id(user.id()).email(uniqueEmail("other")).build();

    assertThatThrownBy(() -> adapter.add(sameIdOtherEmail))
        .isInstanceOf(DataIntegrityViolationException.class)
        .isNotInstanceOf(EmailAlreadyRegisteredException.class);
  }

  @Test
  void updateToAnEmailTakenByAnotherUserIsAConflict() {
    User taken = adapter.add(aUser().email(uniqueEmail("taken")).build());
    User other = adapter.add(aUser().email(uniqueEmail("mover")).build());
    User moved =
        new User(
            other.id(),
            taken.email(),
            other.passwordHash(),
            other.roles(),
            other.status(),
            other.createdAt(),
            other.updatedAt(),
            other.version());

    assertThatThrownBy(() -> adapter.update(moved))
        .isInstanceOf(EmailAlreadyRegisteredException.class);
    assertThat(adapter.findById(other.id())).contains(other);
  }

  @Test
  void updateOfAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> adapter.update(aUser().email(uniqueEmail("ghost")).build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void rolesAreStoredOneRowEach() {
    User user =
        adapter.add(aUser().email(uniqueEmail("roles")).roles(Role.USER, Role.ADMIN).build());

    assertThat(
            jdbc.queryForList(
                "select role from user_roles where user_id = ? order by role",
                String.class,
                user.id().value()))
        .containsExactly("ADMIN", "USER");
  }

  private UUID insertRowDirectly(String email) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into users (id, email, password_hash, status, created_at, updated_at)"
            + " values (?, ?, 'hash', 'ACTIVE', now(), now())",
        id,
        email);
    jdbc.update("insert into user_roles (user_id, role) values (?, 'USER')", id);
    return id;
  }
}
