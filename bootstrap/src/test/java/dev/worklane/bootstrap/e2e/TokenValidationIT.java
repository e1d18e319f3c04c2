package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.worklane.adapter.in.web.security.JwtKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Missing, invalid, expired, foreign and algorithm-confused tokens all answer 401. */
class TokenValidationIT extends SharedE2eTest {
  @Autowired JwtKeys keys;

  @Test
  void missingTokenIs401Unauthenticated() {
    Api.Response response = api().get("/api/v1/users/me", null);
    assertProblem(response, 401, "UNAUTHENTICATED");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void garbageTokenIs401InvalidToken() {
    assertProblem(api().get("/api/v1/users/me", "not.a.jwt"), 401, "INVALID_TOKEN");
  }

  @Test
  void expiredTokenIs401() throws Exception {
    Instant past = Instant.now().minusSeconds(7200);
    String token =
        sign(
            keys.signingKey(),
            claims()
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(600)))
                .build());
    assertProblem(api().get("/api/v1/users/me", token), 401, "INVALID_TOKEN");
  }

  @Test
  void aValidlySignedTokenWithOurKeyIsAccepted() throws Exception {
    // control for the negative cases below: same builder, only one thing changed in each
    String email = uniqueEmail();
    String id = register(email);
    String token = sign(keys.signingKey(), claims().subject(id).build());
    assertThat(api().get("/api/v1/users/me", token).status()).isEqualTo(200);
  }

  @Test
  void wrongIssuerOrAudienceIs401() throws Exception {
    String id = register(uniqueEmail());
    assertProblem(
        api()
            .get(
                "/api/v1/users/me",
                sign(
                    keys.signingKey(),
                    claims().subject(id).issuer("https://evil.example").build())),
        401,
        "INVALID_TOKEN");
    assertProblem(
        api()
            .get(
                "/api/v1/users/me",
                sign(keys.signingKey(), claims().subject(id).audience("other-api").build())),
        401,
        "INVALID_TOKEN");
  }

  @Test
  void missingJtiIs401() throws Exception {
    String id = register(uniqueEmail());
    assertProblem(
        api()
            .get(
                "/api/v1/users/me",
                sign(keys.signingKey(), claims().subject(id).jwtID(null).build())),
        401,
        "INVALID_TOKEN");
  }

  @Test
  void tokenSignedByAnUnknownKeyIs401() throws Exception {
    String id = register(uniqueEmail());
    ECKey stranger = JwtKeys.generate();
    assertProblem(
        api()
            .get(
                "/api/v1/users/me",
                sign(
                    new ECKey.Builder(stranger).keyID(keys.signingKey().getKeyID()).build(),
                    claims().subject(id).build())),
        401,
        "INVALID_TOKEN");
  }

  @Test
  void algorithmNoneAndHmacConfusionAre401() throws Exception {
    String id = register(uniqueEmail());
    JWTClaimsSet set = claims().subject(id).build();
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(set.toString()) + ".";
    assertProblem(api().get("/api/v1/users/me", none), 401, "INVALID_TOKEN");

    // HS256 keyed with the public key's bytes: the classic RS/HS confusion attack
    byte[] secret = keys.publicKeys().toString().getBytes(StandardCharsets.UTF_8);
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.signingKey().getKeyID()).build(),
            set);
    hmac.sign(new MACSigner(secret));
    assertProblem(api().get("/api/v1/users/me", hmac.serialize()), 401, "INVALID_TOKEN");
  }

  @Test
  void jwksPublishesOnlyPublicKeys() {
    Api.Response jwks = api().get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).isEqualTo(200);
    var key = jwks.json().get("keys").get(0);
    assertThat(key.get("kid").asString()).isEqualTo(keys.signingKey().getKeyID());
    assertThat(key.get("kty").asString()).isEqualTo("EC");
    assertThat(key.get("crv").asString()).isEqualTo("P-256");
    assertThat(key.has("d")).as("private part must never be published").isFalse();
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("https://worklane.test")
        .audience(List.of("worklane-test"))
        .subject(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .jwtID(UUID.randomUUID().toString())
        .claim("roles", List.of("USER"));
  }

  private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
