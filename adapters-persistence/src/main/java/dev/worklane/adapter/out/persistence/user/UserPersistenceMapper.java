package dev.worklane.adapter.out.persistence.user;

import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.time.ZoneId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Domain records to rows and back; the value objects travel as their raw column values. */
@Mapper
interface UserPersistenceMapper {

  /**
   * Written by hand: MapStruct reads {@code User.disable(Instant)} as a fluent setter of a property
   * "disable" and would refuse (or, with it ignored, obscure) the mapping.
   */
  default User toDomain(UserEntity entity) {
    return new User(
        toUserId(entity.getId()),
        toEmail(entity.getEmail()),
        entity.getPasswordHash(),
        entity.getRoles(),
        entity.getStatus(),
        entity.getCreatedAt(),
        entity.getUpdatedAt(),
        entity.getVersion());
  }

  UserEntity toNewEntity(User user);

  /**
   * Copies the mutable state; id and created_at never change after the insert, and the version is
   * Hibernate's to advance.
   */
  @Mapping(target = "id", ignore = true)
  @Mapping(target = "createdAt", ignore = true)
  @Mapping(target = "version", ignore = true)
  void copyState(User user, @MappingTarget UserEntity entity);

  Profile toDomain(ProfileEntity entity);

  /** A new profile has no avatar: the column is not insertable (see ProfileEntity). */
  @Mapping(target = "avatarKey", ignore = true)
  @Mapping(target = "createdAt", source = "updatedAt")
  ProfileEntity toNewEntity(Profile profile);

  /** The avatar is changed only by replaceAvatar and created_at once: saving keeps both. */
  @Mapping(target = "userId", ignore = true)
  @Mapping(target = "avatarKey", ignore = true)
  @Mapping(target = "createdAt", ignore = true)
  void copyState(Profile profile, @MappingTarget ProfileEntity entity);

  default UUID toUuid(UserId id) {
    return id == null ? null : id.value();
  }

  default UserId toUserId(UUID id) {
    return id == null ? null : new UserId(id);
  }

  default String toText(Email email) {
    return email == null ? null : email.value();
  }

  default Email toEmail(String email) {
    return email == null ? null : new Email(email);
  }

  default String toText(ZoneId zone) {
    return zone == null ? null : zone.getId();
  }

  default ZoneId toZone(String zone) {
    return zone == null ? null : ZoneId.of(zone);
  }
}
