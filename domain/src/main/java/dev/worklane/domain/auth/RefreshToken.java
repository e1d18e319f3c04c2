package dev.worklane.domain.auth;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of a refresh-token family. Only the hash of the opaque token is kept. Every use rotates
 * it; a family shares one absolute expiry set at login, so rotation never extends it.
 */
public record RefreshToken(
    UUID id,
    UserId userId,
    UUID familyId,
    String tokenHash,
    Instant issuedAt,
    Instant expiresAt,
    Instant revokedAt,
    UUID replacedById) {

  public RefreshToken {
    Require.present(id, "id");
    Require.present(userId, "userId");
    Require.present(familyId, "familyId");
    Require.present(tokenHash, "tokenHash");
    Require.present(issuedAt, "issuedAt");
    Require.present(expiresAt, "expiresAt");
  }

  /** First token of a new family (a login). */
  public static RefreshToken startFamily(
      UserId userId, String tokenHash, Instant now, Instant expiresAt) {
    UUID id = UUID.randomUUID();
    return new RefreshToken(id, userId, id, tokenHash, now, expiresAt, null, null);
  }

  /** The successor issued when this token is rotated; same family, same absolute expiry. */
  public RefreshToken successor(String newTokenHash, Instant now) {
    return new RefreshToken(
        UUID.randomUUID(), userId, familyId, newTokenHash, now, expiresAt, null, null);
  }

  /** Already exchanged once: presenting it again is reuse, a sign of theft. */
  public boolean wasRotated() {
    return replacedById != null;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
