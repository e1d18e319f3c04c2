package dev.worklane.adapter.in.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature and claims were already verified (keyed by the exact token
 * string, until the token expires or at most {@code maxAge}), so the ES256 check — the largest CPU
 * cost of an authenticated request — runs once per token and instance rather than per request. The
 * revocation check is NOT cached: it runs on every request, so logout and "not before" stamps keep
 * working instantly on every instance.
 */
public final class CachingJwtDecoder implements JwtDecoder {
  private final JwtDecoder verifying;
  private final OAuth2TokenValidator<Jwt> everyRequest;
  private final Cache<String, Jwt> verified;
  private final Clock clock;

  public CachingJwtDecoder(
      JwtDecoder verifying,
      OAuth2TokenValidator<Jwt> everyRequest,
      long maxEntries,
      Duration maxAge,
      Clock clock) {
    this.verifying = verifying;
    this.everyRequest = everyRequest;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(
                Expiry.<String, Jwt>creating(
                    (token, jwt) -> {
                      Instant expiresAt = jwt.getExpiresAt();
                      Duration left =
                          expiresAt == null ? maxAge : Duration.between(clock.instant(), expiresAt);
                      return left.compareTo(maxAge) < 0 ? left : maxAge;
                    }))
            .build();
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt jwt = verified.getIfPresent(token);
    if (jwt == null
        || (jwt.getExpiresAt() != null && !clock.instant().isBefore(jwt.getExpiresAt()))) {
      jwt = verifying.decode(token);
      verified.put(token, jwt);
    }
    OAuth2TokenValidatorResult result = everyRequest.validate(jwt);
    if (result.hasErrors()) {
      throw new JwtValidationException("The token has been revoked", result.getErrors());
    }
    return jwt;
  }
}
