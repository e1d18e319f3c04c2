package dev.worklane.adapter.out.redis;

import java.time.Duration;

/**
 * Where Redis is and how the adapters use it.
 *
 * @param url {@code redis://[user:password@]host:port} (or {@code rediss://}); ignored when {@code
 *     configFile} is set
 * @param configFile a Redisson YAML file (Sentinel, Cluster, TLS…); each client gets a copy pointed
 *     at its logical database (Cluster has only database 0: there key prefixes keep roles apart)
 * @param queueDatabase the job queues' logical database (SPEC §6: db 2)
 * @param keyPrefix prepended to every key, so deployments (or test runs) can share one Redis
 * @param commandTimeout short on purpose: a slow Redis must fail fast into the fallbacks
 * @param circuitOpenFor how long the adapters skip Redis after a failure
 */
public record RedisSettings(
    String url,
    String configFile,
    int cacheDatabase,
    int sessionDatabase,
    int queueDatabase,
    String keyPrefix,
    Duration commandTimeout,
    Duration circuitOpenFor) {
  public static final int DEFAULT_QUEUE_DATABASE = 2;
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(5);

  public RedisSettings {
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    commandTimeout = commandTimeout == null ? DEFAULT_COMMAND_TIMEOUT : commandTimeout;
    circuitOpenFor = circuitOpenFor == null ? DEFAULT_CIRCUIT_OPEN_FOR : circuitOpenFor;
    if (isBlank(url) && isBlank(configFile)) {
      throw new IllegalArgumentException("Redis needs a URL or a Redisson config file");
    }
  }

  /** Without a queue database: the seed's db 2. */
  public RedisSettings(
      String url,
      String configFile,
      int cacheDatabase,
      int sessionDatabase,
      String keyPrefix,
      Duration commandTimeout,
      Duration circuitOpenFor) {
    this(
        url,
        configFile,
        cacheDatabase,
        sessionDatabase,
        DEFAULT_QUEUE_DATABASE,
        keyPrefix,
        commandTimeout,
        circuitOpenFor);
  }

  public boolean usesConfigFile() {
    return !isBlank(configFile);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "RedisSettings[url="
        + redacted(url)
        + ", configFile="
        + configFile
        + ", keyPrefix="
        + keyPrefix
        + "]";
  }

  /** The URL without its password, for logs. */
  public static String redacted(String url) {
    return url == null ? null : url.replaceAll("//[^@/]*@", "//****@");
  }
}
