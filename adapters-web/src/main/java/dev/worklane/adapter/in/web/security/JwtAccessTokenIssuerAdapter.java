package dev.worklane.adapter.in.web.security;

import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs access tokens: {@code sub, email, roles, iss, aud, iat, exp, jti}, {@code iat_us} (the
 * issue time in epoch microseconds) plus {@code sid} (refresh family).
 */
public class JwtAccessTokenIssuerAdapter implements AccessTokenIssuer {
  public static final String ROLES_CLAIM = "roles";
  public static final String SESSION_CLAIM = "sid";

  /**
   * {@code iat} to the microsecond: {@code iat} itself has whole seconds, which cannot tell a token
   * issued right after a password or role change from one issued just before it in the same second.
   */
  public static final String ISSUED_AT_MICROS_CLAIM = "iat_us";

  private final JwtEncoder encoder;
  private final JwtKeys keys;
  private final JwtSettings settings;

  public JwtAccessTokenIssuerAdapter(JwtEncoder encoder, JwtKeys keys, JwtSettings settings) {
    this.encoder = encoder;
    this.keys = keys;
    this.settings = settings;
  }

  @Override
  public String issue(User user, UUID sessionFamilyId, Instant issuedAt) {
    List<String> roles = user.roles().stream().sorted().map(Role::name).toList();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .audience(List.of(settings.audience()))
            .subject(user.id().toString())
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(settings.accessTokenTtl()))
            .id(UUID.randomUUID().toString())
            .claim(ISSUED_AT_MICROS_CLAIM, ChronoUnit.MICROS.between(Instant.EPOCH, issuedAt))
            .claim("email", user.email().value())
            .claim(ROLES_CLAIM, roles);
    if (sessionFamilyId != null) {
      claims.claim(SESSION_CLAIM, sessionFamilyId.toString());
    }
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.ES256)
            .keyId(keys.signingKey().getKeyID())
            .type("JWT")
            .build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }
}
