package dev.worklane.application.port.out;

import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * Revocation of access already handed out (ASVS 5.0 §7.4), shared by every instance: single
 * access tokens by their {@code jti} until they expire, and everything a user was issued before a
 * "not before" stamp (password change, account disabled) — tokens and sessions alike.
 */
public interface TokenRevocations {

  void revokeToken(String tokenId, Instant expiresAt);

  /**
   * Every access token of one login (its refresh family, claim {@code sid}) stops working: logout
   * and refresh-token reuse must not leave the family's earlier access tokens alive.
   */
  void revokeSession(UUID sessionId, Instant until);

  void revokeEverythingIssuedBefore(UserId userId, Instant notBefore);

  /**
   * True when the token ({@code jti}) or its login ({@code sid}) was revoked, or it was issued (or
   * the browser session authenticated) before the user's stamp. Null ids are not checked.
   */
  boolean isRevoked(String tokenId, String sessionId, UserId userId, Instant issuedAt);
}
