package dev.worklane.adapter.out.persistence.auth;

import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

  /** Takes the family lock first (see {@link RefreshTokenJpaRepository#lockFamily}). */
  @Override
  @Transactional
  public boolean markRotated(UUID tokenId, UUID successorId, Instant now) {
    tokens.familyOf(tokenId).ifPresent(tokens::lockFamily);
    return tokens.markRotated(tokenId, successorId, now) == 1;
  }

  /**
   * Takes the family lock first, so the UPDATE — a new statement with a new snapshot — sees a
   * successor that a concurrent rotation committed while this waited.
   */
  @Override
  @Transactional
  public int revokeFamily(UUID familyId, Instant now) {
    tokens.lockFamily(familyId);
    return tokens.revokeFamily(familyId, now);
  }

  /** Locks what rotation locks (every family of the user), then revokes with a fresh snapshot. */
  @Override
  @Transactional
  public int revokeAllOf(UserId userId, Instant now) {
    tokens.lockFamiliesOf(userId.value());
    return tokens.revokeAllOf(userId.value(), now);
  }
}
