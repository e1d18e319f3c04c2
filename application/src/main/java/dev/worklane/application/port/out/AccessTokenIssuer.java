package dev.worklane.application.port.out;

import dev.worklane.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs access tokens (JWT) for a user; {@code sessionFamilyId} ties the token to its refresh
 * family.
 */
public interface AccessTokenIssuer {
  String issue(User user, UUID sessionFamilyId, Instant issuedAt);
}
