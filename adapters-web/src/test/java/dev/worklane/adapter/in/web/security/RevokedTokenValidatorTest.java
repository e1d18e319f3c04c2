package dev.worklane.adapter.in.web.security;

import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.worklane.domain.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The revocation check gets the token's issue time to the microsecond: a token issued right after a
 * password or role change, in the same second, must be told apart from one issued just before.
 */
class RevokedTokenValidatorTest {
  @TempDir Path dir;
  final List<Instant> checked = new ArrayList<>();

  @Test
  void theCheckSeesTheIssueTimeToTheMicrosecond() throws Exception {
    JwtSettings settings =
        new JwtSettings(
            "https://issuer.test",
            "aud-test",
            Duration.ofDays(7),
            null,
            dir.resolve("k.json"),
            true,
            null,
            null);
    JwtKeys keys = JwtKeys.load(settings);
    User user = aUser().build();
    Instant issued = Instant.now().minusSeconds(5);
    Instant precise = Instant.ofEpochSecond(issued.getEpochSecond(), 400_123_000);
    String token =
        new JwtAccessTokenIssuerAdapter(
                new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey()))),
                keys,
                settings)
            .issue(user, UUID.randomUUID(), precise);
    Jwt jwt =
        NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.publicKeys()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build()
            .decode(token);

    assertThat(jwt.getIssuedAt())
        .as("iat itself keeps whole seconds")
        .isEqualTo(Instant.ofEpochSecond(issued.getEpochSecond()));
    assertThat(validator().validate(jwt).hasErrors()).isFalse();
    assertThat(checked).containsExactly(precise);
  }

  @Test
  void aTokenWithoutTheMicrosecondsClaimIsCheckedAtItsWholeSecond() {
    Instant iat = Instant.parse("2026-11-25T10:00:00Z");
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "ES256")
            .subject(aUser().build().id().toString())
            .issuedAt(iat)
            .claims(c -> c.putAll(Map.of("jti", "j")))
            .build();

    validator().validate(jwt);

    assertThat(checked).containsExactly(iat);
  }

  private RevokedTokenValidator validator() {
    return new RevokedTokenValidator(
        (tokenId, sessionId, userId, issuedAt) -> {
          checked.add(issuedAt);
          return false;
        });
  }
}
