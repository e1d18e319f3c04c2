package dev.worklane.adapter.out.redis;

import dev.worklane.adapter.out.redis.cache.NoOpCacheAdapter;
import dev.worklane.adapter.out.redis.cache.RedisCacheAdapter;
import dev.worklane.adapter.out.redis.queue.JobWorkers;
import dev.worklane.adapter.out.redis.queue.QueueScripts;
import dev.worklane.adapter.out.redis.queue.RedisJobBrokerAdapter;
import dev.worklane.adapter.out.redis.queue.RedisQueueControlAdapter;
import dev.worklane.adapter.out.redis.ratelimit.RedisRateLimiterAdapter;
import dev.worklane.adapter.out.redis.revocation.RedisTokenRevocationsAdapter;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.QueueControl;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the Redis adapter contributes — cache, rate limiter, token revocations, the job engine
 * (broker, dashboard control, workers) and the connection Spring Session stores sessions through —
 * built from one {@link RedisAdapterSettings} bean. Bootstrap maps its properties to that record
 * and imports this class; nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class RedisAdapterConfiguration {

  /** How long an instance may trust its near cache of revocations without an invalidation. */
  static final Duration REVOCATION_NEAR_CACHE_TTL = Duration.ofSeconds(30);

  @Bean(destroyMethod = "close")
  RedisConnections redisConnections(RedisAdapterSettings settings, Clock clock) {
    return new RedisConnections(settings.connection(), clock);
  }

  /** Spring Session's store and the Redis health indicator use the session database. */
  @Bean
  @Primary
  RedisConnectionFactory redisConnectionFactory(RedisConnections connections) {
    return connections.sessionConnectionFactory();
  }

  /** {@code worklane.redis.failures{client}}: failed Redis calls, each one a fallback taken. */
  @Bean
  MeterBinder redisFailureMeters(RedisConnections connections) {
    return registry -> {
      for (CircuitBreaker breaker :
          new CircuitBreaker[] {
            connections.cacheBreaker(), connections.sessionBreaker(), connections.queueBreaker()
          }) {
        FunctionCounter.builder("worklane.redis.failures", breaker, CircuitBreaker::failures)
            .tag("client", breaker.name())
            .register(registry);
      }
    };
  }

  @Bean
  Cache cache(
      RedisAdapterSettings settings,
      RedisConnections connections,
      JsonMapper json,
      MeterRegistry meters) {
    if (!settings.cacheEnabled()) {
      return new NoOpCacheAdapter();
    }
    return new RedisCacheAdapter(
        connections.cache(),
        connections.keyPrefix(),
        settings.cacheDefaultTtl(),
        settings.cacheTtlByNamespace(),
        settings.cacheNearTtl(),
        json,
        meters,
        connections.cacheBreaker());
  }

  @Bean
  RedisRateLimiterAdapter rateLimiter(
      RedisAdapterSettings settings, RedisConnections connections, MeterRegistry meters) {
    return new RedisRateLimiterAdapter(
        connections.cache(),
        connections.keyPrefix(),
        settings.rateLimits(),
        meters,
        connections.cacheBreaker());
  }

  @Bean
  RedisTokenRevocationsAdapter tokenRevocations(
      RedisAdapterSettings settings,
      RedisConnections connections,
      MeterRegistry meters,
      Clock clock) {
    return new RedisTokenRevocationsAdapter(
        connections.sessions(),
        connections.keyPrefix(),
        settings.revocationRetention(),
        REVOCATION_NEAR_CACHE_TTL,
        meters,
        connections.sessionBreaker(),
        clock);
  }

  /** The job engine's keys and scripts in the queue database, shared by its three parts below. */
  @Bean
  QueueScripts queueScripts(RedisConnections connections) {
    return new QueueScripts(connections.queues(), connections.keyPrefix());
  }

  /** The job engine's intake (queue database, SPEC §6.2): the outbox relay submits here. */
  @Bean
  JobBroker jobBroker(QueueScripts scripts, RedisConnections connections, Clock clock) {
    return new RedisJobBrokerAdapter(scripts, connections.queueBreaker(), clock);
  }

  @Bean
  QueueControl queueControl(
      RedisAdapterSettings settings,
      QueueScripts scripts,
      RedisConnections connections,
      Clock clock) {
    return new RedisQueueControlAdapter(
        scripts, settings.queues(), connections.queueBreaker(), clock);
  }

  /**
   * Workers (unless API-only), stalled-job recovery, the completed-job sweeper and the queue
   * gauges; a SmartLifecycle, so shutdown hands running jobs back before Redis closes.
   */
  @Bean
  JobWorkers jobWorkers(
      RedisAdapterSettings settings,
      QueueScripts scripts,
      RedisConnections connections,
      JobHandlers handlers,
      MeterRegistry meters,
      Clock clock) {
    return new JobWorkers(
        scripts, handlers, settings.queues(), connections.queueBreaker(), meters, clock);
  }
}
