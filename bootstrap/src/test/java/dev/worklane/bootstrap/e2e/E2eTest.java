package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.persistence.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end tests through real HTTP against the whole application on a real PostgreSQL (a fresh
 * database per test JVM, see TestPostgres). All subclasses share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "worklane.security.bcrypt-strength=10",
      "worklane.demo.enabled=false",
      "worklane.jwt.issuer=https://worklane.test",
      "worklane.jwt.audience=worklane-test"
    })
abstract class E2eTest {
  static final String PASSWORD = "correct horse battery staple";
  static final TestPostgres.Database DATABASE = TestPostgres.freshDatabase();
  static final Path DATA_DIR = tempDir();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("worklane.db.url", DATABASE::jdbcUrl);
    registry.add("worklane.db.username", DATABASE::username);
    registry.add("worklane.db.password", () -> DATABASE.password() == null ? "" : DATABASE.password());
    registry.add("worklane.data-dir", DATA_DIR::toString);
  }

  Api api() {
    return new Api(port);
  }

  static String uniqueEmail() {
    return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
  }

  /** Registers a fresh account and returns its id. */
  String register(String email) {
    Api.Response response =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.data().get("id").asString();
  }

  /** Logs in and returns the token pair (data of the login response). */
  JsonNode login(String email) {
    Api.Response response =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.data();
  }

  String newUserToken() {
    String email = uniqueEmail();
    register(email);
    return login(email).get("accessToken").asString();
  }

  static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("type").asString()).isNotBlank();
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    assertThat(problem.get("timestamp").asString()).isNotBlank();
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("at dev.worklane")
        .doesNotContain("org.springframework")
        .doesNotContainIgnoringCase("sql");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("worklane-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
