package dev.worklane.adapter.in.web.security;

import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.worklane.domain.user.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class JwtKeysTest {
  @TempDir Path dir;

  JwtSettings settings(String keysJson, Path file, boolean generate, String activeKid) {
    return new JwtSettings(
        "https://issuer.test",
        "aud-test",
        Duration.ofDays(7),
        keysJson,
        file,
        generate,
        activeKid,
        null);
  }

  @Test
  void generatesAKeyOnceAndKeepsItInTheDataDirectory() throws Exception {
    Path file = dir.resolve("keys/jwks.json");
    JwtKeys first = JwtKeys.load(settings(null, file, true, null));
    JwtKeys again = JwtKeys.load(settings(null, file, true, null));

    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(again.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
    assertThat(again.signingKey().toECPrivateKey()).isEqualTo(first.signingKey().toECPrivateKey());
    assertThat(first.publicKeys().getKeys()).allMatch(k -> !k.isPrivate());
  }

  @Test
  void refusesToStartWithoutKeysWhenGenerationIsOff() {
    assertThatThrownBy(() -> JwtKeys.load(settings(null, dir.resolve("none.json"), false, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WORKLANE_JWT_KEYS");
  }

  @Test
  void refusesAPublicOnlyOrNonEcActiveKey() throws Exception {
    String publicOnly = new JWKSet(JwtKeys.generate().toPublicJWK()).toString(false);
    assertThatThrownBy(() -> JwtKeys.load(settings(publicOnly, null, false, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("private EC P-256");
  }

  @Test
  void tokensSignedByAnOlderKeyStayValidWhileThatKeyIsPublished() throws Exception {
    ECKey old = new ECKey.Builder(JwtKeys.generate()).keyID("old").build();
    ECKey current = new ECKey.Builder(JwtKeys.generate()).keyID("current").build();
    User user = aUser().build();

    // before rotation: only the old key exists and signs
    JwtKeys before = JwtKeys.load(settings(new JWKSet(old).toString(false), null, false, null));
    String oldToken = issuer(before).issue(user, UUID.randomUUID(), Instant.now());

    // after rotation: the new key signs, the old one is still published
    JwtSettings rotated =
        settings(new JWKSet(List.of(current, old)).toString(false), null, false, "current");
    JwtKeys after = JwtKeys.load(rotated);
    JwtDecoder decoder = new JwtConfiguration().jwtDecoder(after, rotated);
    assertThat(after.signingKey().getKeyID()).isEqualTo("current");
    Jwt decoded = decoder.decode(oldToken);
    assertThat(decoded.getSubject()).isEqualTo(user.id().toString());
    assertThat(
            decoder.decode(issuer(after).issue(user, null, Instant.now())).getHeaders().get("kid"))
        .isEqualTo("current");

    // once the old key is withdrawn its tokens fail
    JwtSettings withdrawn = settings(new JWKSet(current).toString(false), null, false, null);
    JwtDecoder strict = new JwtConfiguration().jwtDecoder(JwtKeys.load(withdrawn), withdrawn);
    assertThatThrownBy(() -> strict.decode(oldToken)).isInstanceOf(JwtException.class);
  }

  @Test
  void issuedTokensCarryTheSpecClaims() {
    JwtSettings s = settings(null, dir.resolve("k.json"), true, null);
    JwtKeys keys = JwtKeys.load(s);
    User user = aUser().build();
    UUID family = UUID.randomUUID();
    Instant now = Instant.now();
    Jwt jwt =
        new JwtConfiguration().jwtDecoder(keys, s).decode(issuer(keys, s).issue(user, family, now));
    assertThat(jwt.getIssuer().toString()).isEqualTo("https://issuer.test");
    assertThat(jwt.getAudience()).containsExactly("aud-test");
    assertThat(jwt.getClaimAsString("email")).isEqualTo(user.email().value());
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
    assertThat(jwt.getClaimAsString("sid")).isEqualTo(family.toString());
    assertThat(jwt.getId()).isNotBlank();
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
        .isEqualTo(Duration.ofDays(7));
    assertThat(jwt.getHeaders().get("alg").toString()).isEqualTo("ES256");
  }

  private JwtAccessTokenIssuerAdapter issuer(JwtKeys keys) {
    return issuer(keys, settings(null, null, false, null));
  }

  private static JwtAccessTokenIssuerAdapter issuer(JwtKeys keys, JwtSettings s) {
    return new JwtAccessTokenIssuerAdapter(
        new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey()))), keys, s);
  }
}
