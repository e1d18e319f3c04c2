package dev.worklane.adapter.out.redis.support;

import dev.worklane.adapter.out.redis.RedisSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.redisson.spring.data.connection.RedissonConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * One Redisson client per logical database the adapters use (seed: db 0 cache and rate limits, db 1
 * sessions and revocations, db 2 job queues), each with its own circuit breaker. Timeouts are short
 * and retries few: callers have fallbacks and must not hang on a dead Redis.
 */
public final class RedisConnections implements AutoCloseable {
  private final RedisSettings settings;
  private final RedissonClient cache;
  private final RedissonClient sessions;
  private final RedissonClient queues;
  private final CircuitBreaker cacheBreaker;
  private final CircuitBreaker sessionBreaker;
  private final CircuitBreaker queueBreaker;

  public RedisConnections(RedisSettings settings, Clock clock) {
    this.settings = settings;
    this.cache = Redisson.create(config(settings, settings.cacheDatabase()));
    Config sessionConfig = config(settings, settings.sessionDatabase());
    this.sessions =
        sessionConfig.isClusterConfig() || settings.sessionDatabase() == settings.cacheDatabase()
            ? cache
            : Redisson.create(sessionConfig);
    // Redisson gives up on a command whose write has not completed within the retry interval:
    // 50 ms (fine for the cache's fast fallback) fails queue round trips on a CPU-starved host.
    Config queueConfig =
        config(
            settings,
            settings.queueDatabase(),
            Math.max(50, settings.commandTimeout().toMillis() / 2));
    this.queues =
        queueConfig.isClusterConfig() || settings.queueDatabase() == settings.cacheDatabase()
            ? cache
            : settings.queueDatabase() == settings.sessionDatabase()
                ? sessions
                : Redisson.create(queueConfig);
    this.cacheBreaker = new CircuitBreaker("cache", settings.circuitOpenFor(), clock);
    this.sessionBreaker = new CircuitBreaker("sessions", settings.circuitOpenFor(), clock);
    this.queueBreaker = new CircuitBreaker("queues", settings.circuitOpenFor(), clock);
  }

  public RedissonClient cache() {
    return cache;
  }

  public RedissonClient sessions() {
    return sessions;
  }

  /** The job queues' database (db 2): engine, workers and dashboard. */
  public RedissonClient queues() {
    return queues;
  }

  public CircuitBreaker queueBreaker() {
    return queueBreaker;
  }

  public CircuitBreaker cacheBreaker() {
    return cacheBreaker;
  }

  public CircuitBreaker sessionBreaker() {
    return sessionBreaker;
  }

  public String keyPrefix() {
    return settings.keyPrefix();
  }

  /** Spring Data's view of the session database, for Spring Session and the Redis health check. */
  public RedisConnectionFactory sessionConnectionFactory() {
    return new RedissonConnectionFactory(sessions);
  }

  static Config config(RedisSettings settings, int database) {
    return config(settings, database, 50);
  }

  static Config config(RedisSettings settings, int database, long retryIntervalMillis) {
    if (settings.usesConfigFile()) {
      try {
        Config loaded = Config.fromYAML(new File(settings.configFile()));
        loaded.setLazyInitialization(true);
        return new DatabaseSelectingConfig(loaded, database);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read Redisson config " + settings.configFile(), e);
      }
    }
    URI uri = URI.create(settings.url());
    Config config = new Config();
    // Lazy: an instance starts (and serves from its fallbacks) even while Redis is down.
    config.setThreads(2).setNettyThreads(4).setLazyInitialization(true);
    int timeout = (int) settings.commandTimeout().toMillis();
    SingleServerConfig server =
        config
            .useSingleServer()
            .setAddress(
                uri.getScheme()
                    + "://"
                    + uri.getHost()
                    + ":"
                    + (uri.getPort() > 0 ? uri.getPort() : 6379))
            .setDatabase(database)
            .setTimeout(timeout)
            .setConnectTimeout(timeout)
            .setRetryAttempts(1)
            .setRetryInterval((int) retryIntervalMillis)
            .setConnectionMinimumIdleSize(4)
            .setConnectionPoolSize(32);
    if (uri.getUserInfo() != null) {
      // getUserInfo() percent-decodes only: a '+' in a password stays a '+'.
      String[] parts = uri.getUserInfo().split(":", 2);
      if (parts.length == 2) {
        if (!parts[0].isEmpty()) {
          server.setUsername(parts[0]);
        }
        server.setPassword(parts[1]);
      } else {
        server.setPassword(parts[0]);
      }
    }
    return config;
  }

  @Override
  public void close() {
    if (queues != cache && queues != sessions) {
      queues.shutdown();
    }
    if (sessions != cache) {
      sessions.shutdown();
    }
    cache.shutdown();
  }
}
