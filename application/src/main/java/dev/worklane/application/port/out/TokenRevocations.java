package dev.worklane.application.port.out;

import dev.worklane.domain.user.UserId;
import java.time.Instant;

/**
 * Revocation of access already handed out (ASVS 5.0 §7.4), shared by every instance: single
 * access tokens by their {@code jti} until they expire, and everything a user was issued before a
 * "not before" stamp (password change, account disabled) — tokens and sessions alike.
 */
public interface TokenRevocations {

  void revokeToken(String tokenId, Instant expiresAt);

  void revokeEverythingIssuedBefore(UserId userId, Instant notBefore);

  /** True when the token was revoked, or issued (or the session authenticated) before the user's stamp. */
  boolean isRevoked(String tokenId, UserId userId, Instant issuedAt);
}
