package dev.worklane.bootstrap.e2e;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shared context: the test JVM's Redis with this JVM's key prefix, rate limits off. */
abstract class SharedE2eTest extends E2eTest {

  @DynamicPropertySource
  static void sharedRedis(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", TestRedis::url);
    registry.add("worklane.redis.key-prefix", () -> REDIS_PREFIX);
  }

  /** Another replica of the shared context's Worklane. */
  static ConfigurableApplicationContext startAnotherInstance(Map<String, Object> overrides) {
    return startAnotherInstance(TestRedis.url(), REDIS_PREFIX, overrides);
  }
}
