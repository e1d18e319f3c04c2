package dev.worklane.adapter.out.persistence.auth;

import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link RefreshTokenRepository} on PostgreSQL through JPA. */
@Component
public class RefreshTokenRepositoryAdapter implements RefreshTokenRepository {

  private final RefreshTokenJpaRepository tokens;
  private final RefreshTokenPersistenceMapper mapper;

  RefreshTokenRepositoryAdapter(
      RefreshTokenJpaRepository tokens, RefreshTokenPersistenceMapper mapper) {
    this.tokens = tokens;
    this.mapper = mapper;
  }

  /** Flushed at once: the rotation that follows in the same transaction refers to this row. */
  @Override
  public void add(RefreshToken token) {
    tokens.saveAndFlush(mapper.toNewEntity(token));
  }

  @Override
  public Optional<RefreshToken> findByHash(String tokenHash) {
    return tokens.findByTokenHash(tokenHash).map(mapper::toDomain);
  }

  @Override
  public boolean markRotated(UUID tokenId, UUID successorId, Instant now) {
    return tokens.markRotated(tokenId, successorId, now) == 1;
  }

  @Override
  public int revokeFamily(UUID familyId, Instant now) {
    return tokens.revokeFamily(familyId, now);
  }

  @Override
  public int revokeAllOf(UserId userId, Instant now) {
    return tokens.revokeAllOf(userId.value(), now);
  }
}
