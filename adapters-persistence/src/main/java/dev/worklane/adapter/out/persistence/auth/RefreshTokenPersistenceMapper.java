package dev.worklane.adapter.out.persistence.auth;

import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.user.UserId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface RefreshTokenPersistenceMapper {

  RefreshToken toDomain(RefreshTokenEntity entity);

  /** A new token has not been rotated yet; rotated_at is written only by markRotated. */
  @Mapping(target = "rotatedAt", ignore = true)
  RefreshTokenEntity toNewEntity(RefreshToken token);

  default UUID toUuid(UserId id) {
    return id == null ? null : id.value();
  }

  default UserId toUserId(UUID id) {
    return id == null ? null : new UserId(id);
  }
}
