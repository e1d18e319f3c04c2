package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revocations made while Redis is down are not lost (issue #6 §6): PostgreSQL records them, both
 * instances refuse the revoked tokens during the outage, the relay copies them to Redis once it is
 * back (even though it came back empty), and an instance started afterwards refuses them too.
 */
@TestPropertySource(properties = "worklane.redis.circuit-open-for=1s")
class RevocationOutageIT extends E2eTest {
  private static final TestRedis.Dedicated REDIS = TestRedis.dedicated();
  private static final String PREFIX = TestRedis.uniquePrefix();

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
  void revocationsMadeWhileRedisIsDownStickOnEveryInstanceAndReachRedisWhenItIsBack() {
    String loggedOutEmail = uniqueEmail();
    register(loggedOutEmail);
    String loggedOut = login(loggedOutEmail).get("accessToken").asString();
    String changerEmail = uniqueEmail();
    register(changerEmail);
    String changer = login(changerEmail).get("accessToken").asString();
    String changerOtherDevice = login(changerEmail).get("accessToken").asString();
    String bystander = newUserToken();

    ConfigurableApplicationContext second =
        startAnotherInstance(REDIS.url(), PREFIX, Map.of("worklane.redis.circuit-open-for", "1s"));
    ConfigurableApplicationContext restarted = null;
    try {
      Api b = new Api(portOf(second));
      for (String token : new String[] {loggedOut, changerOtherDevice, bystander}) {
        assertThat(b.get("/api/v1/users/me", token).status()).isEqualTo(200); // near caches warm
      }

      REDIS.stop();
      assertThat(api().call("POST", "/api/v1/auth/logout").bearer(loggedOut).send().status())
          .isEqualTo(204);
      Api.Response changed =
          api()
              .call("POST", "/api/v1/users/me/password")
              .bearer(changer)
              .json(
                  "{\"currentPassword\":\""
                      + PASSWORD
                      + "\",\"newPassword\":\"another long password\"}")
              .send();
      assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

      // during the outage: this instance and the other one refuse both, from PostgreSQL
      assertProblem(api().get("/api/v1/users/me", loggedOut), 401, "INVALID_TOKEN");
      assertProblem(api().get("/api/v1/users/me", changerOtherDevice), 401, "INVALID_TOKEN");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertProblem(b.get("/api/v1/users/me", loggedOut), 401, "INVALID_TOKEN");
                assertProblem(b.get("/api/v1/users/me", changerOtherDevice), 401, "INVALID_TOKEN");
              });
      assertThat(b.get("/api/v1/users/me", bystander).status())
          .as("everyone else keeps working")
          .isEqualTo(200);
      assertThat(unreplicated()).isPositive();

      REDIS.start(); // without persistence: it comes back empty
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(unreplicated()).isZero();
                assertThat(replicaHas("jti:" + claim(loggedOut, "jti"))).isTrue();
                assertThat(replicaHas("nbf:" + claim(changer, "sub"))).isTrue();
                assertThat(replicaHas("meta:complete")).isTrue();
              });

      second.close();
      restarted =
          startAnotherInstance(
              REDIS.url(), PREFIX, Map.of("worklane.redis.circuit-open-for", "1s"));
      Api c = new Api(portOf(restarted));
      assertProblem(c.get("/api/v1/users/me", loggedOut), 401, "INVALID_TOKEN");
      assertProblem(c.get("/api/v1/users/me", changerOtherDevice), 401, "INVALID_TOKEN");
      assertThat(c.get("/api/v1/users/me", bystander).status()).isEqualTo(200);
      assertProblem(api().get("/api/v1/users/me", loggedOut), 401, "INVALID_TOKEN");
    } finally {
      REDIS.start();
      second.close();
      if (restarted != null) {
        restarted.close();
      }
    }
  }

  private int unreplicated() {
    return jdbc.queryForObject(
        "select count(*) from token_revocations where not replicated", Integer.class);
  }

  private boolean replicaHas(String field) {
    return redis
        .sessions()
        .<String, String>getMap(PREFIX + "auth:revocations", StringCodec.INSTANCE)
        .containsKey(field);
  }

  private static String claim(String jwt, String name) {
    byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
    JsonNode claims =
        JsonMapper.builder().build().readTree(new String(payload, StandardCharsets.UTF_8));
    return claims.get(name).asString();
  }
}
