package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue #6 §13, §18: PostgreSQL becomes unreachable (a relay in front of it is cut; the machine's
 * server keeps running for the other test JVMs). Calls that need it answer 503 DATABASE_UNAVAILABLE
 * with Retry-After within about two seconds, with one WARN line and no stack trace; /ready says 503
 * with db DOWN; once the relay is restored everything recovers by itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT extends SharedE2eTest {

  @Test
  void callsNeedingTheDatabaseAnswer503FastWhileItIsDownAndRecoverAfterwards(
      CapturedOutput output) {
    try (TcpRelay relay = TcpRelay.forJdbcUrl(DATABASE.jdbcUrl());
        ConfigurableApplicationContext app =
            startAnotherInstance(Map.of("worklane.db.url", relay.relayed(DATABASE.jdbcUrl())))) {
      Api api = new Api(portOf(app));
      String email = uniqueEmail();
      assertThat(api.postJson("/api/v1/auth/register", registration(email)).status())
          .isEqualTo(201);
      assertThat(api.get("/ready", null).status()).isEqualTo(200);

      relay.cut();
      int logMark = output.getAll().length();

      long started = System.nanoTime();
      Api.Response login = api.postJson("/api/v1/auth/login", credentials(email));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      assertProblem(login, 503, "DATABASE_UNAVAILABLE");
      assertThat(login.header("Retry-After")).isNotBlank();
      assertThat(elapsed)
          .as("answered within about the pool's 2 s timeout")
          .isLessThan(Duration.ofSeconds(3));

      started = System.nanoTime();
      Api.Response register = api.postJson("/api/v1/auth/register", registration(uniqueEmail()));
      assertProblem(register, 503, "DATABASE_UNAVAILABLE");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

      Api.Response ready = eventually(() -> api.get("/ready", null), r -> r.status() == 503);
      assertThat(ready.json().get("checks").get("db").asString()).isEqualTo("DOWN");
      assertThat(api.get("/health", null).status())
          .as("liveness does not depend on the database")
          .isEqualTo(200);

      List<JsonNode> outageLog =
          output
              .getAll()
              .substring(logMark)
              .lines()
              .filter(l -> l.startsWith("{"))
              .map(Api.JSON::readTree)
              .toList();
      for (Api.Response failed : List.of(login, register)) {
        List<JsonNode> lines =
            outageLog.stream()
                .filter(
                    l ->
                        l.has("requestId")
                            && l.get("requestId").asString().equals(failed.header("X-Request-Id")))
                // Hikari reports each broken pooled connection once, whichever request meets it.
                .filter(l -> !l.get("logger_name").asString().startsWith("com.zaxxer.hikari"))
                .filter(l -> !"INFO".equals(l.get("level").asString()))
                .toList();
        assertThat(lines).as("one WARN line per failed request").hasSize(1);
        assertThat(lines.get(0).get("level").asString()).isEqualTo("WARN");
        assertThat(lines.get(0).get("message").asString()).startsWith("database_unavailable");
        assertThat(lines.get(0).has("stack_trace")).as("no stack trace").isFalse();
      }
      assertThat(outageLog).noneMatch(l -> "ERROR".equals(l.get("level").asString()));

      relay.restore();
      Api.Response back =
          eventually(
              () -> api.postJson("/api/v1/auth/login", credentials(email)), r -> r.status() == 200);
      assertThat(back.data().get("accessToken").asString()).isNotBlank();
      eventually(() -> api.get("/ready", null), r -> r.status() == 200);
    }
  }

  private static String registration(String email) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
  }

  private static String credentials(String email) {
    return registration(email);
  }

  /** Polls with a deadline until the response satisfies the condition. */
  private static Api.Response eventually(
      Supplier<Api.Response> call, Predicate<Api.Response> condition) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(call::get, condition);
  }
}
