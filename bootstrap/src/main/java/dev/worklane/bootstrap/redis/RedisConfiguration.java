package dev.worklane.bootstrap.redis;

import dev.worklane.adapter.out.redis.RedisAdapterConfiguration;
import dev.worklane.adapter.out.redis.RedisAdapterSettings;
import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.queue.QueueSettings;
import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings;
import dev.worklane.application.port.out.RateLimiter.Scope;
import dev.worklane.bootstrap.config.WorklaneProperties;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Redis wiring: {@code WORKLANE_REDIS_URL} (or a Redisson YAML) when given, else an embedded
 * server. The adapters themselves come from {@link RedisAdapterConfiguration}; this class only maps
 * properties to its settings record.
 */
@Configuration(proxyBeanMethods = false)
@Import(RedisAdapterConfiguration.class)
public class RedisConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(
      "'${worklane.redis.url:}'.isBlank() and '${worklane.redis.config-file:}'.isBlank()")
  EmbeddedRedisServer embeddedRedis(WorklaneProperties properties) {
    return EmbeddedRedisServer.start(properties.dataDir());
  }

  @Bean
  RedisAdapterSettings redisAdapterSettings(
      WorklaneProperties properties, ObjectProvider<EmbeddedRedisServer> embedded) {
    WorklaneProperties.Redis redis = properties.redis();
    String url = redis.embedded() ? embedded.getObject().url() : redis.url();
    WorklaneProperties.CacheSettings cache = properties.cache();
    return new RedisAdapterSettings(
        new RedisSettings(
            url,
            redis.configFile(),
            redis.cacheDatabase(),
            redis.sessionDatabase(),
            redis.queueDatabase(),
            redis.keyPrefix(),
            redis.commandTimeout(),
            redis.circuitOpenFor()),
        cache.enabled(),
        cache.defaultTtl(),
        cache.ttlByNamespace(),
        cache.nearTtl(),
        rateLimitSettings(properties.rateLimit()),
        redis.revocationRetention(),
        queueSettings(properties.queue()));
  }

  static QueueSettings queueSettings(WorklaneProperties.Queue queue) {
    return QueueSettings.builder()
        .workersEnabled(queue.workersEnabled())
        .concurrency(queue.concurrencyOverrides())
        .completedRetention(queue.completedRetention())
        .failedRetention(queue.failedRetention())
        .shutdownGrace(queue.shutdownGrace())
        .build();
  }

  static RateLimitSettings rateLimitSettings(WorklaneProperties.RateLimit configured) {
    Map<Scope, RateLimitSettings.Limit> limits = new EnumMap<>(Scope.class);
    Map<Scope, RateLimitSettings.Limit> defaults = RateLimitSettings.defaults();
    configured
        .overrides()
        .forEach(
            (name, limit) -> {
              Scope scope = RateLimitSettings.scopeNamed(name);
              RateLimitSettings.Limit base = defaults.get(scope);
              limits.put(
                  scope,
                  new RateLimitSettings.Limit(
                      limit.capacity() != null ? limit.capacity() : base.capacity(),
                      limit.window() != null ? limit.window() : base.window()));
            });
    return new RateLimitSettings(limits);
  }
}
