package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An eviction made while Redis does not answer is not lost (issue 12, item 10): Redis is paused
 * with {@code DEBUG SLEEP} and this instance's circuit breaker is open (as after any timed-out
 * call, the rate limiter's included) while a member is removed (or a project archived) here; the
 * evictions are not even sent. Within a second of Redis answering again, this instance and another
 * one that had the old answer cached near and in Redis both refuse — and keep refusing once their
 * circuit breakers close.
 */
@TestPropertySource(
    properties = {"worklane.redis.circuit-open-for=2s", "worklane.redis.command-timeout=250ms"})
class CacheInvalidationOutageIT extends E2eTest {
  private static final TestRedis.Dedicated REDIS = TestRedis.dedicated();
  private static final String PREFIX = TestRedis.uniquePrefix();
  private static final Map<String, Object> SAME_TIMEOUTS =
      Map.of("worklane.redis.circuit-open-for", "2s", "worklane.redis.command-timeout", "250ms");
  private static final Duration PAUSE = Duration.ofSeconds(3);

  @Autowired JdbcTemplate jdbc;
  @Autowired RedisConnections redis;

  @DynamicPropertySource
  static void dedicatedRedis(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", REDIS::url);
    registry.add("worklane.redis.key-prefix", () -> PREFIX);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @Test
  void aMemberRemovedWhileRedisIsPausedGets404OnEveryInstanceWithinASecondOfItsReturn() {
    String owner = account("MANAGER");
    String memberEmail = uniqueEmail();
    String memberId = register(memberEmail);
    String member = login(memberEmail).get("accessToken").asString();
    String id = createProject(owner);
    String members = "/api/v1/projects/" + id + "/members";
    assertThat(api().postJson(members, "{\"userId\":\"" + memberId + "\"}", owner).status())
        .isEqualTo(201);
    ConfigurableApplicationContext other = startAnotherInstance(REDIS.url(), PREFIX, SAME_TIMEOUTS);
    try {
      Api a = api();
      Api b = new Api(portOf(other));
      for (Api instance : new Api[] {a, b, a, b}) { // cached in Redis, then near on each
        assertThat(instance.get("/api/v1/projects/" + id, member).status()).isEqualTo(200);
      }

      CompletableFuture<Long> awake = pauseRedis(PAUSE);
      openTheCircuitBreaker();
      Api.Response removed = a.call("DELETE", members + "/" + memberId).bearer(owner).send();
      assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
      assertThat(awake).as("the removal completed while Redis was still paused").isNotDone();
      long reachableAt = awake.join();

      await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () -> {
                assertProblem(a.get("/api/v1/projects/" + id, member), 404, "NOT_FOUND");
                assertProblem(b.get("/api/v1/projects/" + id, member), 404, "NOT_FOUND");
              });
      assertThat(System.nanoTime() - reachableAt).isLessThan(Duration.ofSeconds(1).toNanos());

      sleepPastTheCircuitBreakers();
      for (Api instance : new Api[] {a, b}) {
        assertProblem(instance.get("/api/v1/projects/" + id, member), 404, "NOT_FOUND");
        assertProblem(
            instance.postJson(
                "/api/v1/projects/" + id + "/tasks", "{\"title\":\"sneaky\"}", member),
            404,
            "NOT_FOUND");
      }
    } finally {
      other.close();
    }
  }

  @Test
  void aProjectArchivedWhileRedisIsPausedRefusesWritesOnEveryInstanceWithinASecondOfItsReturn() {
    String owner = account("MANAGER");
    String id = createProject(owner);
    String tasks = "/api/v1/projects/" + id + "/tasks";
    ConfigurableApplicationContext other = startAnotherInstance(REDIS.url(), PREFIX, SAME_TIMEOUTS);
    try {
      Api a = api();
      Api b = new Api(portOf(other));
      for (Api instance : new Api[] {a, b, a, b}) {
        assertThat(instance.get("/api/v1/projects/" + id, owner).status()).isEqualTo(200);
      }

      CompletableFuture<Long> awake = pauseRedis(PAUSE);
      openTheCircuitBreaker();
      Api.Response archived = a.call("DELETE", "/api/v1/projects/" + id).bearer(owner).send();
      assertThat(archived.status()).as(archived.toString()).isEqualTo(204);
      assertThat(awake).as("the archiving completed while Redis was still paused").isNotDone();
      long reachableAt = awake.join();

      await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () -> {
                assertProblem(
                    a.postJson(tasks, "{\"title\":\"late\"}", owner), 409, "PROJECT_ARCHIVED");
                assertProblem(
                    b.postJson(tasks, "{\"title\":\"late\"}", owner), 409, "PROJECT_ARCHIVED");
              });
      assertThat(System.nanoTime() - reachableAt).isLessThan(Duration.ofSeconds(1).toNanos());

      sleepPastTheCircuitBreakers();
      for (Api instance : new Api[] {a, b}) {
        assertProblem(
            instance.postJson(tasks, "{\"title\":\"later\"}", owner), 409, "PROJECT_ARCHIVED");
      }
    } finally {
      other.close();
    }
  }

  /** An account holding {@code role} too, and a fresh token of it. */
  private String account(String role) {
    String email = uniqueEmail();
    String id = register(email);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, ?)", id, role);
    return login(email).get("accessToken").asString();
  }

  private String createProject(String owner) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      key.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    Api.Response created =
        api().postJson("/api/v1/projects", "{\"key\":\"" + key + "\",\"name\":\"Project\"}", owner);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.data().get("id").asString();
  }

  /**
   * What the first call to time out does (whichever it is: a cache read, the rate limiter): this
   * instance skips Redis for the next 2 s, sending none of the removal's evictions.
   */
  private void openTheCircuitBreaker() {
    redis.cacheBreaker().recordFailure("test", new IllegalStateException("timed out"));
  }

  /** Past the 2 s the breakers stay open after the last failure: the cache is trusted again. */
  private static void sleepPastTheCircuitBreakers() {
    try {
      Thread.sleep(2_500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Pauses the dedicated Redis for {@code pause} ({@code DEBUG SLEEP}, allowed by the embedded 6.2
   * server) and returns once a probe proves it paused; the future completes with {@link
   * System#nanoTime()} at the moment Redis answers again.
   */
  private static CompletableFuture<Long> pauseRedis(Duration pause) {
    URI uri = URI.create(REDIS.url());
    Socket sleeper = connect(uri);
    send(sleeper, "DEBUG", "SLEEP", String.valueOf(pause.toMillis() / 1000.0));
    try (Socket probe = connect(uri)) {
      probe.setSoTimeout(200);
      send(probe, "PING");
      probe.getInputStream().read();
      throw new IllegalStateException("Redis answered a PING: DEBUG SLEEP did not pause it");
    } catch (SocketTimeoutException expected) {
      // paused
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try (sleeper) {
            InputStream in = sleeper.getInputStream();
            int first = in.read(); // "+OK" once the sleep is over
            assertThat((char) first).isEqualTo('+');
            return System.nanoTime();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Socket connect(URI uri) {
    try {
      Socket socket = new Socket(uri.getHost(), uri.getPort());
      socket.setSoTimeout(30_000);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(Socket socket, String... words) {
    StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      command.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
    }
    try {
      OutputStream out = socket.getOutputStream();
      out.write(command.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
