package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.support.ApiPaths;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing keys (RFC 7517) so other services can verify Worklane tokens. */
@RestController
public class JwksController {
  private final JwtKeys keys;

  public JwksController(JwtKeys keys) {
    this.keys = keys;
  }

  /**
   * RFC 7517's own media type first (for {@code *}{@code /*} and no Accept), plain JSON as well:
   * many JWKS clients ask only for {@code application/json} and would get 406 otherwise.
   */
  @GetMapping(
      value = ApiPaths.JWKS,
      produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(keys.publicKeys().toJSONObject(true));
  }
}
