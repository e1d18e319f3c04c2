package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.JsonNode;

/** Issue #6 §11–12: what other programs see — the JWK set and timestamps that round-trip. */
class InteropIT extends SharedE2eTest {

  @Test
  void jwksAnswersPlainJsonAnyAndNoAccept() {
    Api.Response json =
        api().call("GET", "/.well-known/jwks.json").header("Accept", "application/json").send();
    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(json.header("Content-Type")).startsWith("application/json");
    assertThat(json.json().get("keys").size()).isPositive();

    Api.Response any = api().call("GET", "/.well-known/jwks.json").header("Accept", "*/*").send();
    assertThat(any.status()).isEqualTo(200);
    assertThat(any.header("Content-Type")).startsWith("application/jwk-set+json");

    Api.Response none = api().call("GET", "/.well-known/jwks.json").send();
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.header("Content-Type")).startsWith("application/jwk-set+json");
    assertThat(none.body()).isEqualTo(json.body());
  }

  @Test
  void aJwksClientFetchesTheKeysOverHttpAndVerifiesAWorklaneToken() {
    String email = uniqueEmail();
    String id = register(email);
    String token = login(email).get("accessToken").asString();
    String uri = "http://localhost:" + port + "/.well-known/jwks.json";

    // A client that asks for plain JSON only, as many JWKS libraries do.
    RestTemplate plainJsonOnly = new RestTemplate();
    plainJsonOnly
        .getInterceptors()
        .add(
            (request, body, execution) -> {
              request.getHeaders().setAccept(List.of(MediaType.APPLICATION_JSON));
              return execution.execute(request, body);
            });
    Jwt viaPlainJson =
        NimbusJwtDecoder.withJwkSetUri(uri)
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .restOperations(plainJsonOnly)
            .build()
            .decode(token);
    assertThat(viaPlainJson.getSubject()).isEqualTo(id);

    Jwt viaDefaults =
        NimbusJwtDecoder.withJwkSetUri(uri)
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build()
            .decode(token);
    assertThat(viaDefaults.getClaimAsString("email")).isEqualTo(email);
  }

  @Test
  void timestampsOfAWriteEqualWhatALaterReadReturns() {
    String email = uniqueEmail();
    Api.Response registered =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"displayName\":\"Ada\"}");
    assertThat(registered.status()).isEqualTo(201);
    String token = login(email).get("accessToken").asString();

    JsonNode read = api().get("/api/v1/users/me", token).data();
    assertThat(read.get("createdAt").asString())
        .isEqualTo(registered.data().get("createdAt").asString());
    assertThat(read.get("updatedAt").asString())
        .isEqualTo(registered.data().get("updatedAt").asString());

    Api.Response patched =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(token)
            .json("{\"timeZone\":\"Europe/Paris\"}")
            .send();
    assertThat(patched.status()).isEqualTo(200);
    JsonNode reread = api().get("/api/v1/users/me", token).data();
    assertThat(reread.get("updatedAt").asString())
        .isEqualTo(patched.data().get("updatedAt").asString());
    assertThat(reread.get("createdAt").asString())
        .isEqualTo(patched.data().get("createdAt").asString());
  }
}
