package dev.worklane.bootstrap.redis;

import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.cache.RedisCacheAdapter;
import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings;
import dev.worklane.adapter.out.redis.ratelimit.RedisRateLimiterAdapter;
import dev.worklane.adapter.out.redis.revocation.RedisTokenRevocationsAdapter;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.RateLimiter.Scope;
import dev.worklane.bootstrap.config.WorklaneProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis wiring: {@code WORKLANE_REDIS_URL} (or a Redisson YAML) when given, else an embedded
 * server. One Redisson client per logical database; the session database also backs Spring
 * Session and the {@code redis} readiness check.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(
      "'${worklane.redis.url:}'.isBlank() and '${worklane.redis.config-file:}'.isBlank()")
  EmbeddedRedisServer embeddedRedis(WorklaneProperties properties) {
    return EmbeddedRedisServer.start(properties.dataDir());
  }

  @Bean(destroyMethod = "close")
  RedisConnections redisConnections(
      WorklaneProperties properties, ObjectProvider<EmbeddedRedisServer> embedded, Clock clock) {
    WorklaneProperties.Redis redis = properties.redis();
    String url = redis.embedded() ? embedded.getObject().url() : redis.url();
    return new RedisConnections(
        new RedisSettings(
            url,
            redis.configFile(),
            redis.cacheDatabase(),
            redis.sessionDatabase(),
            redis.keyPrefix(),
            redis.commandTimeout(),
            redis.circuitOpenFor()),
        clock);
  }

  /** Spring Session's store and the Redis health indicator use the session database. */
  @Bean
  @Primary
  RedisConnectionFactory redisConnectionFactory(RedisConnections connections) {
    return connections.sessionConnectionFactory();
  }

  @Bean
  Cache cache(
      WorklaneProperties properties,
      RedisConnections connections,
      JsonMapper json,
      MeterRegistry meters) {
    WorklaneProperties.CacheSettings settings = properties.cache();
    if (!settings.enabled()) {
      return new DisabledCache();
    }
    return new RedisCacheAdapter(
        connections.cache(),
        connections.keyPrefix(),
        settings.defaultTtl(),
        settings.ttlByNamespace(),
        json,
        meters,
        connections.cacheBreaker());
  }

  @Bean
  RedisRateLimiterAdapter rateLimiter(
      WorklaneProperties properties, RedisConnections connections, MeterRegistry meters) {
    return new RedisRateLimiterAdapter(
        connections.cache(),
        connections.keyPrefix(),
        rateLimitSettings(properties.rateLimit()),
        meters,
        connections.cacheBreaker());
  }

  @Bean
  RedisTokenRevocationsAdapter tokenRevocations(
      WorklaneProperties properties, RedisConnections connections, MeterRegistry meters, Clock clock) {
    return new RedisTokenRevocationsAdapter(
        connections.sessions(),
        connections.keyPrefix(),
        properties.redis().revocationRetention(),
        Duration.ofSeconds(30),
        meters,
        connections.sessionBreaker(),
        clock);
  }

  static RateLimitSettings rateLimitSettings(WorklaneProperties.RateLimit configured) {
    Map<Scope, RateLimitSettings.Limit> limits = new EnumMap<>(Scope.class);
    Map<Scope, RateLimitSettings.Limit> defaults = RateLimitSettings.defaults();
    configured
        .overrides()
        .forEach(
            (name, limit) -> {
              Scope scope = scopeNamed(name);
              RateLimitSettings.Limit base = defaults.get(scope);
              limits.put(
                  scope,
                  new RateLimitSettings.Limit(
                      limit.capacity() != null ? limit.capacity() : base.capacity(),
                      limit.window() != null ? limit.window() : base.window()));
            });
    return new RateLimitSettings(limits);
  }

  private static Scope scopeNamed(String name) {
    String normalised = name.toUpperCase(Locale.ROOT).replace('-', '_');
    for (Scope scope : Scope.values()) {
      if (scope.name().equals(normalised) || scope.policyName().equalsIgnoreCase(name)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "Unknown rate-limit scope '" + name + "' (global, authenticated, guest, login, register, password-reset)");
  }

  /** {@code WORKLANE_CACHE_ENABLED=false}: every read goes to the database (bench baseline). */
  static final class DisabledCache implements Cache {
    @Override
    public <T> Optional<T> get(CacheKey key, Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void put(CacheKey key, Object value) {}

    @Override
    public void evict(CacheKey key) {}
  }
}
