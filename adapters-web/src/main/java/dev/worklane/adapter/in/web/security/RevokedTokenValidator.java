package dev.worklane.adapter.in.web.security;

import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Rejects denylisted tokens (logout) and tokens issued before the user's "not before" stamp. */
public class RevokedTokenValidator implements OAuth2TokenValidator<Jwt> {
  private static final OAuth2Error REVOKED =
      new OAuth2Error("invalid_token", "The token has been revoked", null);
  private final RevocationCheckUseCase revocations;

  public RevokedTokenValidator(RevocationCheckUseCase revocations) {
    this.revocations = revocations;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    UserId user;
    try {
      user = UserId.of(jwt.getSubject());
    } catch (RuntimeException e) {
      return OAuth2TokenValidatorResult.failure(REVOKED);
    }
    return revocations.isRevoked(
            jwt.getId(),
            jwt.getClaimAsString(JwtAccessTokenIssuerAdapter.SESSION_CLAIM),
            user,
            issuedAt(jwt))
        ? OAuth2TokenValidatorResult.failure(REVOKED)
        : OAuth2TokenValidatorResult.success();
  }

  /**
   * The issue time to the microsecond ({@code iat_us}); a token signed before that claim existed
   * has {@code iat}'s whole second, the earliest it can have been issued at.
   */
  static Instant issuedAt(Jwt jwt) {
    if (jwt.getClaims().get(JwtAccessTokenIssuerAdapter.ISSUED_AT_MICROS_CLAIM)
        instanceof Number micros) {
      return Instant.EPOCH.plus(micros.longValue(), ChronoUnit.MICROS);
    }
    return jwt.getIssuedAt();
  }
}
