package dev.worklane.bootstrap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.queue.QueueSettings;
import dev.worklane.application.service.auth.AuthSettings;
import dev.worklane.bootstrap.config.WorklaneProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yml maps variables whose default lives in the core or an adapter without a default of
 * its own: unset, they take the home's constant; set, they win.
 */
class SettingsDefaultsTest {

  @Test
  void unsetVariablesTakeTheDefaultsOfTheirHome() throws IOException {
    WorklaneProperties properties = bind(Map.of());

    assertThat(properties.jwt().accessTokenTtl()).isEqualTo(AuthSettings.DEFAULT_ACCESS_TOKEN_TTL);
    assertThat(properties.jwt().refreshTokenTtl())
        .isEqualTo(AuthSettings.DEFAULT_REFRESH_TOKEN_TTL);
    assertThat(properties.redis().queueDatabase()).isEqualTo(RedisSettings.DEFAULT_QUEUE_DATABASE);
    assertThat(properties.redis().commandTimeout())
        .isEqualTo(RedisSettings.DEFAULT_COMMAND_TIMEOUT);
    assertThat(properties.redis().circuitOpenFor())
        .isEqualTo(RedisSettings.DEFAULT_CIRCUIT_OPEN_FOR);
    assertThat(RedisConfiguration.queueSettings(properties.queue()))
        .isEqualTo(QueueSettings.defaults());
  }

  @Test
  void defaultsOnlyBootstrapUsesComeFromApplicationYml() throws IOException {
    WorklaneProperties properties = bind(Map.of());

    assertThat(properties.security().bcryptStrength()).isEqualTo(12);
    assertThat(properties.queue().workersEnabled()).isTrue();
    assertThat(properties.queue().outboxPoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(properties.redis().revocationRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(properties.redis().keyPrefix()).isEmpty();
    assertThat(properties.cache().enabled()).isTrue();
    assertThat(properties.rateLimit().enabled()).isTrue();
    assertThat(properties.mail().smtpPort()).isEqualTo(587);
    assertThat(properties.publicUrl()).isEqualTo("http://localhost:8080");
  }

  @Test
  void setVariablesWin() throws IOException {
    WorklaneProperties properties =
        bind(
            Map.of(
                "WORKLANE_JWT_ACCESS_TOKEN_TTL", "15m",
                "WORKLANE_REDIS_TIMEOUT", "250ms",
                "WORKLANE_REDIS_QUEUE_DB", "5",
                "WORKLANE_QUEUE_CONCURRENCY_EMAIL", "3",
                "WORKLANE_QUEUE_COMPLETED_RETENTION", "2h",
                "WORKLANE_QUEUE_FAILED_RETENTION", "7d",
                "WORKLANE_QUEUE_SHUTDOWN_GRACE", "1s",
                "WORKLANE_QUEUE_WORKERS_ENABLED", "false"));

    assertThat(properties.jwt().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(properties.redis().commandTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(properties.redis().queueDatabase()).isEqualTo(5);
    QueueSettings queue = RedisConfiguration.queueSettings(properties.queue());
    assertThat(queue.workersEnabled()).isFalse();
    assertThat(queue.concurrencyOf("email")).isEqualTo(3);
    assertThat(queue.concurrencyOf("default"))
        .isEqualTo(QueueSettings.DEFAULT_CONCURRENCY.get("default"));
    assertThat(queue.completedRetention()).isEqualTo(Duration.ofHours(2));
    assertThat(queue.failedRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(queue.shutdownGrace()).isEqualTo(Duration.ofSeconds(1));
  }

  private static WorklaneProperties bind(Map<String, Object> variables) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(environment.getPropertySources()::addLast);
    return Binder.get(environment).bind("worklane", WorklaneProperties.class).get();
  }
}
