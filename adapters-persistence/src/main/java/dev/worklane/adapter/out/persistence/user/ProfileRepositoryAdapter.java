package dev.worklane.adapter.out.persistence.user;

import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ProfileRepository} on PostgreSQL through JPA. */
@Component
public class ProfileRepositoryAdapter implements ProfileRepository {

  private final ProfileJpaRepository profiles;
  private final UserPersistenceMapper mapper;
  private final NamedParameterJdbcTemplate jdbc;

  ProfileRepositoryAdapter(
      ProfileJpaRepository profiles,
      UserPersistenceMapper mapper,
      NamedParameterJdbcTemplate jdbc) {
    this.profiles = profiles;
    this.mapper = mapper;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Profile> findByUserId(UserId userId) {
    return profiles.findById(userId.value()).map(mapper::toDomain);
  }

  /**
   * Inserts the first profile of a user, updates it afterwards. Flushes at once so a broken write
   * (unknown user, over-long value) fails inside the caller's transaction, at this call.
   */
  @Override
  @Transactional
  public Profile save(Profile profile) {
    ProfileEntity entity =
        profiles
            .findById(profile.userId().value())
            .map(
                existing -> {
                  mapper.copyState(profile, existing);
                  return existing;
                })
            .orElseGet(() -> mapper.toNewEntity(profile));
    return mapper.toDomain(profiles.saveAndFlush(entity));
  }

  /**
   * One {@code where user_id = any(?)} for a whole page; nothing is asked for nothing. Plain SQL:
   * Spring Data's {@code findAllById} builds a criteria query that Hibernate translates anew on
   * every call — a fifth of the CPU of a task page (JFR, bench/tasks.sh).
   */
  @Override
  public Map<UserId, Profile> findByUserIds(Collection<UserId> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    UUID[] ids = userIds.stream().map(UserId::value).distinct().toArray(UUID[]::new);
    return jdbc
        .query(
            "select user_id, display_name, time_zone, avatar_key, updated_at from profiles"
                + " where user_id = any(:ids)",
            new MapSqlParameterSource("ids", ids),
            (rs, row) -> profile(rs))
        .stream()
        .collect(Collectors.toUnmodifiableMap(Profile::userId, Function.identity()));
  }

  /**
   * One statement: the sub-select locks the row ({@code for update} waits for a concurrent upload
   * and then reads the key it committed), the update writes the new key, and {@code returning}
   * answers the new row with the old key. Plain SQL rather than the entity, whose avatar column is
   * read-only (see ProfileEntity); callers read the result, not a profile loaded earlier in the
   * same transaction.
   */
  @Override
  public Optional<AvatarReplacement> replaceAvatar(UserId userId, String avatarKey, Instant now) {
    return jdbc
        .query(
            """
            update profiles p set avatar_key = :key, updated_at = :now
              from (select user_id, avatar_key from profiles where user_id = :id for update) old
             where p.user_id = old.user_id
            returning p.user_id, p.display_name, p.time_zone, p.avatar_key, p.updated_at,
                      old.avatar_key as previous_key
            """,
            new MapSqlParameterSource("id", userId.value())
                .addValue("key", avatarKey, Types.VARCHAR)
                .addValue("now", Timestamp.from(now)),
            (rs, row) ->
                new AvatarReplacement(
                    profile(rs), Optional.ofNullable(rs.getString("previous_key"))))
        .stream()
        .findFirst();
  }

  /** One probe of ux_profiles_avatar_key per key, in one statement. */
  @Override
  public Set<String> avatarKeysInUse(Collection<String> avatarKeys) {
    if (avatarKeys.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.queryForList(
            "select avatar_key from profiles where avatar_key = any(:keys)",
            new MapSqlParameterSource("keys", avatarKeys.toArray(String[]::new)),
            String.class));
  }

  private static Profile profile(ResultSet rs) throws SQLException {
    return new Profile(
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("display_name"),
        ZoneId.of(rs.getString("time_zone")),
        rs.getString("avatar_key"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
