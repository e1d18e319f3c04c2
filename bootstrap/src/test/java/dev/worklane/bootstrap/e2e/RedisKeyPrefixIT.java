package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code WORKLANE_REDIS_KEY_PREFIX} prefixes every key the application writes (issue #6 §14), so
 * deployments can share one Redis. A private Redis holds nothing but this application's keys.
 */
@TestPropertySource(properties = "worklane.rate-limit.enabled=true")
class RedisKeyPrefixIT extends E2eTest {
  private static final TestRedis.Dedicated REDIS = TestRedis.dedicated();
  private static final String PREFIX = "deployment-a:";

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
  void everyKeyInEveryDatabaseStartsWithThePrefix() {
    String email = uniqueEmail();
    register(email); // rate-limited: global, register
    String token = login(email).get("accessToken").asString(); // login scopes
    assertThat(api().get("/api/v1/users/me", token).status()).isEqualTo(200); // cache, user scope
    Api.Response session =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(session.status()).isEqualTo(200); // session store
    assertThat(api().postJson("/api/v1/auth/logout", "{}", token).status())
        .isEqualTo(204); // revocations

    List<String> cacheDb = keys(0);
    List<String> sessionDb = keys(1);
    assertThat(cacheDb)
        .anySatisfy(k -> assertThat(k).startsWith(PREFIX + "ratelimit:"))
        .anySatisfy(k -> assertThat(k).startsWith(PREFIX + "cache:users:"));
    assertThat(sessionDb)
        .anySatisfy(k -> assertThat(k).startsWith(PREFIX + "worklane:session:"))
        .anySatisfy(k -> assertThat(k).startsWith(PREFIX + "auth:revocations"));
    for (int database = 0; database <= 2; database++) {
      assertThat(keys(database))
          .as("database %d", database)
          .allSatisfy(k -> assertThat(k).startsWith(PREFIX));
    }
    assertNoRedisFallbackTaken();
  }

  private static List<String> keys(int database) {
    Config config = new Config();
    config.useSingleServer().setAddress(REDIS.url()).setDatabase(database);
    RedissonClient client = Redisson.create(config);
    try {
      List<String> keys = new ArrayList<>();
      client.getKeys().getKeys().forEach(keys::add);
      return keys;
    } finally {
      client.shutdown();
    }
  }
}
