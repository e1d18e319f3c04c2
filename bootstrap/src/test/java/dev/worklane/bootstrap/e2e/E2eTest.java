package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.persistence.testsupport.TestPostgres;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.bootstrap.WorklaneApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end tests through real HTTP against the whole application on a real PostgreSQL (a fresh
 * database per test JVM, see TestPostgres) and a real Redis (own key prefix). Subclasses share one
 * application context unless they add properties; rate limits are off here ({@link RateLimitIT} and
 * friends switch them on in their own contexts, with their own Redis key space).
 */
@TestPropertySource(properties = "worklane.rate-limit.enabled=false")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "worklane.security.bcrypt-strength=10",
      "worklane.demo.enabled=false",
      "worklane.jwt.issuer=https://worklane.test",
      "worklane.jwt.audience=worklane-test"
    })
// After SpringExtension (registered by @SpringBootTest), so it runs before a context is closed.
@ExtendWith(Traffic.class)
abstract class E2eTest {
  static final String PASSWORD = "correct horse battery staple";
  static final TestPostgres.Database DATABASE = TestPostgres.freshDatabase();
  static final Path DATA_DIR = tempDir();

  @LocalServerPort int port;

  @Autowired MeterRegistry contextMeters;

  /**
   * The shared context's key space. Redis URL and prefix are registered by {@link SharedE2eTest}
   * and by each isolated test class itself: Spring calls a subclass's
   * {@code @DynamicPropertySource} before its superclass's and the last registration wins, so a
   * base class must not register what a subclass wants to change.
   */
  static final String REDIS_PREFIX = TestRedis.uniquePrefix();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("worklane.db.url", DATABASE::jdbcUrl);
    registry.add("worklane.db.username", DATABASE::username);
    registry.add(
        "worklane.db.password", () -> DATABASE.password() == null ? "" : DATABASE.password());
    registry.add("worklane.data-dir", DATA_DIR::toString);
  }

  /** What every instance of this test's Worklane needs to share a database, a Redis and keys. */
  static Map<String, Object> sharedProperties(String redisUrl, String redisPrefix) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("worklane.db.url", DATABASE.jdbcUrl());
    properties.put("worklane.db.username", DATABASE.username());
    properties.put("worklane.db.password", DATABASE.password() == null ? "" : DATABASE.password());
    properties.put("worklane.data-dir", DATA_DIR.toString());
    properties.put("worklane.redis.url", redisUrl);
    properties.put("worklane.redis.key-prefix", redisPrefix);
    return properties;
  }

  /**
   * A second Worklane in the same JVM, on its own port, sharing this test's database, Redis and
   * keys — what a second replica behind a load balancer would be. Properties go in as command-line
   * arguments: they must outrank application.yml, as environment variables would in production.
   */
  static ConfigurableApplicationContext startAnotherInstance(
      String redisUrl, String redisPrefix, Map<String, Object> overrides) {
    Map<String, Object> properties = new LinkedHashMap<>(sharedProperties(redisUrl, redisPrefix));
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    properties.put("worklane.security.bcrypt-strength", "10");
    properties.put("worklane.demo.enabled", "false");
    properties.put("worklane.jwt.issuer", "https://worklane.test");
    properties.put("worklane.jwt.audience", "worklane-test");
    properties.put("worklane.rate-limit.enabled", "false");
    properties.putAll(overrides);
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(WorklaneApplication.class).run(args);
  }

  static int portOf(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
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

  /**
   * The Redis adapters answer from fallbacks when Redis fails (memory limits, cache misses,
   * fail-open revocation checks), so a Redis-backed test could pass against a dead Redis. This
   * proves that this context's Redis calls all succeeded and no fallback was counted.
   */
  void assertNoRedisFallbackTaken() {
    assertNoRedisFallbackTaken(contextMeters);
  }

  static void assertNoRedisFallbackTaken(MeterRegistry registry) {
    for (String name : REDIS_FALLBACK_METERS) {
      double count =
          registry.find(name).counters().stream().mapToDouble(Counter::count).sum()
              + registry.find(name).functionCounters().stream()
                  .mapToDouble(FunctionCounter::count)
                  .sum();
      assertThat(count).as(name).isZero();
    }
    assertThat(registry.find("worklane.redis.failures").functionCounters())
        .as("the Redis adapter's failure meters are registered")
        .isNotEmpty();
  }

  /** What the Redis adapters count when they do without Redis. */
  static final List<String> REDIS_FALLBACK_METERS =
      List.of(
          "worklane.redis.failures",
          "worklane.ratelimit.fallback",
          "worklane.cache.errors",
          "worklane.auth.revocation.errors");

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
