package dev.worklane.adapter.out.persistence.user;

import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ProfileRepository} on PostgreSQL through JPA. */
@Component
public class ProfileRepositoryAdapter implements ProfileRepository {

  private final ProfileJpaRepository profiles;
  private final UserPersistenceMapper mapper;

  ProfileRepositoryAdapter(ProfileJpaRepository profiles, UserPersistenceMapper mapper) {
    this.profiles = profiles;
    this.mapper = mapper;
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

  /** One {@code where user_id in (...)} for a whole page; nothing is asked for nothing. */
  @Override
  public Map<UserId, Profile> findByUserIds(Collection<UserId> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = userIds.stream().map(UserId::value).distinct().toList();
    return profiles.findAllById(ids).stream()
        .map(mapper::toDomain)
        .collect(Collectors.toUnmodifiableMap(Profile::userId, Function.identity()));
  }
}
