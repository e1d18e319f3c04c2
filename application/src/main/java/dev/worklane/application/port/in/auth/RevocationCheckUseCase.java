package dev.worklane.application.port.in.auth;

import dev.worklane.domain.user.UserId;
import java.time.Instant;

/** Asked on every authenticated request: is this token or session still good? */
public interface RevocationCheckUseCase {

  /**
   * True when the access token ({@code tokenId}, its login {@code sessionId}) was revoked, or it
   * was issued — or the browser session authenticated — at {@code issuedAt}, before the user's "not
   * before" stamp (password change, disable, role change). Null ids are not checked.
   */
  boolean isRevoked(String tokenId, String sessionId, UserId userId, Instant issuedAt);
}
