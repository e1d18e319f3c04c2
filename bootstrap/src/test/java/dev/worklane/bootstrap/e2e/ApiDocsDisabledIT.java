package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** WORKLANE_API_DOCS_ENABLED=false: neither the documents nor Swagger UI are served. */
@TestPropertySource(properties = "WORKLANE_API_DOCS_ENABLED=false")
class ApiDocsDisabledIT extends E2eTest {
  static final String PREFIX = TestRedis.uniquePrefix();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", () -> PREFIX);
  }

  @Test
  void servesNoDocumentsAndNoSwaggerUi() {
    for (String path :
        new String[] {
          "/v3/api-docs/v1",
          "/v3/api-docs/v2",
          "/v3/api-docs",
          "/swagger-ui.html",
          "/swagger-ui/index.html"
        }) {
      Api.Response response = api().call("GET", path).send();
      assertThat(response.status()).as(path + " " + response).isEqualTo(404);
    }
    assertThat(api().call("GET", "/health").send().status()).isEqualTo(200);
  }
}
