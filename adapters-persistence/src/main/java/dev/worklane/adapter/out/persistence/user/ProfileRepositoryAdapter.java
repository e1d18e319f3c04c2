package dev.worklane.adapter.out.persistence.user;

import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
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
            "select user_id, display_name, time_zone, updated_at from profiles"
                + " where user_id = any(:ids)",
            new MapSqlParameterSource("ids", ids),
            (rs, row) ->
                new Profile(
                    new UserId(rs.getObject("user_id", UUID.class)),
                    rs.getString("display_name"),
                    ZoneId.of(rs.getString("time_zone")),
                    rs.getTimestamp("updated_at").toInstant()))
        .stream()
        .collect(Collectors.toUnmodifiableMap(Profile::userId, Function.identity()));
  }
}
