package dev.worklane.application.port.out;

import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface RefreshTokenRepository {
  void add(RefreshToken token);

  Optional<RefreshToken> findByHash(String tokenHash);

  /**
   * Marks {@code token} as replaced by {@code successorId}, only if nobody did so first.
   *
   * @return false when the token was already rotated or revoked (a concurrent reuse)
   */
  boolean markRotated(UUID tokenId, UUID successorId, Instant now);

  /** Revokes every live token of the family; returns how many were revoked. */
  int revokeFamily(UUID familyId, Instant now);

  int revokeAllOf(UserId userId, Instant now);
}
