package dev.worklane.adapter.out.persistence.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class ProfileRepositoryAdapterIT extends ProfileRepositoryContract {

  private final ProfileRepositoryAdapter adapter;
  private final UserRepositoryAdapter users;
  private final JdbcTemplate jdbc;

  ProfileRepositoryAdapterIT(
      ProfileRepositoryAdapter adapter, UserRepositoryAdapter users, JdbcTemplate jdbc) {
    this.adapter = adapter;
    this.users = users;
    this.jdbc = jdbc;
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
    UUID avatar = UUID.randomUUID();
    jdbc.update("update profiles set avatar_file_id = ? where user_id = ?", avatar, user.value());

    adapter.save(new Profile(user, "After", ZoneId.of("UTC"), T0.plusSeconds(30)));

    Map<String, Object> row =
        jdbc.queryForMap(
            "select display_name, avatar_file_id, created_at, updated_at from profiles where"
                + " user_id = ?",
            user.value());
    assertThat(row.get("display_name")).isEqualTo("After");
    assertThat(row.get("avatar_file_id")).isEqualTo(avatar);
    assertThat(((Timestamp) row.get("created_at")).toInstant()).isEqualTo(T0);
    assertThat(((Timestamp) row.get("updated_at")).toInstant()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void profileOfAnUnknownUserIsRefusedByTheForeignKey() {
    Profile orphan = new Profile(UserId.random(), "Orphan", ZoneId.of("UTC"), T0);

    assertThatThrownBy(() -> adapter.save(orphan))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(adapter.findByUserId(orphan.userId())).isEmpty();
  }
}
