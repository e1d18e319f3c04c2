package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parity with helmet 8's defaults (issue #2 §12), on API and error responses alike. */
class SecurityHeadersIT extends SharedE2eTest {

  @Test
  void everyHelmetDefaultHeaderIsPresent() {
    for (Api.Response response :
        new Api.Response[] {api().get("/health", null), api().get("/api/v1/users/me", null)}) {
      assertThat(response.header("Content-Security-Policy"))
          .isEqualTo(
              "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; form-action 'self'; "
                  + "frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; "
                  + "script-src-attr 'none'; style-src 'self' https: 'unsafe-inline'; upgrade-insecure-requests");
      assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
      assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
      assertThat(response.header("Origin-Agent-Cluster")).isEqualTo("?1");
      assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.header("X-DNS-Prefetch-Control")).isEqualTo("off");
      assertThat(response.header("X-Download-Options")).isEqualTo("noopen");
      assertThat(response.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
      assertThat(response.header("X-Permitted-Cross-Domain-Policies")).isEqualTo("none");
      assertThat(response.header("X-XSS-Protection")).isEqualTo("0");
      assertThat(response.header("X-Powered-By")).isNull();
      assertThat(response.header("Server")).isNull();
    }
  }

  @Test
  void hstsOnlyOverHttpsIncludingBehindATrustedProxy() {
    assertThat(api().get("/health", null).header("Strict-Transport-Security")).isNull();

    Api.Response proxied = api().call("GET", "/health").header("X-Forwarded-Proto", "https").send();
    assertThat(proxied.header("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
  }
}
