package dev.worklane.bootstrap.config;

import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.queue.QueueSettings;
import dev.worklane.application.service.attachment.AttachmentSettings;
import dev.worklane.application.service.auth.AuthSettings;
import dev.worklane.application.service.report.ReportSettings;
import dev.worklane.domain.attachment.UploadPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every Worklane setting. Each one is documented in the README with its environment variable;
 * application.yml maps the variables. Each default is written once: where the core or an adapter
 * needs it too, as a constant there that this record falls back to (application.yml maps the
 * variable without a default); otherwise in application.yml, next to its variable.
 */
@ConfigurationProperties("worklane")
public record WorklaneProperties(
    Path dataDir,
    @DefaultValue Db db,
    @DefaultValue Jwt jwt,
    @DefaultValue Security security,
    @DefaultValue Web web,
    @DefaultValue Demo demo,
    @DefaultValue Redis redis,
    @DefaultValue CacheSettings cache,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue Api api,
    @DefaultValue Cursor cursor,
    String publicUrl,
    @DefaultValue Queue queue,
    @DefaultValue Mail mail,
    @DefaultValue Storage storage,
    @DefaultValue Attachments attachments,
    @DefaultValue Report report) {

  /**
   * Task attachments: the upload limit and the declared types accepted (blank: {@code
   * UploadPolicy}'s defaults), and the sweeper's clocks (blank: {@code AttachmentSettings}'s).
   */
  public record Attachments(
      DataSize maxUpload,
      List<String> allowedTypes,
      Duration orphanGrace,
      Duration pendingLimit,
      Duration archivedRetention,
      Duration sweepInterval) {
    public Attachments {
      allowedTypes =
          allowedTypes == null
              ? List.of()
              : allowedTypes.stream().filter(t -> t != null && !t.isBlank()).toList();
      orphanGrace = orDefault(orphanGrace, AttachmentSettings.DEFAULT_ORPHAN_GRACE);
      pendingLimit = orDefault(pendingLimit, AttachmentSettings.DEFAULT_PENDING_LIMIT);
      archivedRetention =
          orDefault(archivedRetention, AttachmentSettings.DEFAULT_ARCHIVED_RETENTION);
    }

    public UploadPolicy policy() {
      return new UploadPolicy(
          maxUpload == null ? UploadPolicy.DEFAULT_MAX_BYTES : maxUpload.toBytes(),
          allowedTypes.isEmpty() ? UploadPolicy.DEFAULT_ALLOWED_TYPES : Set.copyOf(allowedTypes));
    }
  }

  /**
   * Object storage: {@code type} {@code local} (files under {@code dir}, default {@code
   * <data-dir>/files}) or {@code s3}. {@code publicFilesBaseUrl} blank: the app's own {@code
   * /files/public}. {@code signingSecret} blank: generated once into {@code signingSecretFile} (or
   * the data directory).
   */
  public record Storage(
      String type,
      Path dir,
      String signingSecret,
      String signingSecretFile,
      String publicFilesBaseUrl,
      @DefaultValue S3 s3) {
    @Override
    public String toString() {
      return "Storage[type=" + type + ", dir=" + dir + ", signingSecret=****, s3=" + s3 + "]";
    }
  }

  /** The S3 store; credentials come from the AWS SDK's default chain, never from here. */
  public record S3(
      String endpoint, String bucket, boolean pathStyle, String region, Duration timeout) {}

  public Path resolvedStorageDir() {
    return storage.dir() == null || storage.dir().toString().isBlank()
        ? dataDir.resolve("files")
        : storage.dir();
  }

  public Path resolvedStorageSigningSecretFile() {
    return isBlank(storage.signingSecretFile())
        ? dataDir.resolve("storage-signing-secret")
        : Path.of(storage.signingSecretFile());
  }

  /**
   * Reports: kept {@code retention} after they finish (then object and row are removed), swept
   * every {@code sweepInterval}.
   */
  public record Report(Duration retention, Duration sweepInterval) {
    public Report {
      retention = orDefault(retention, ReportSettings.DEFAULT_RETENTION);
    }
  }

  /**
   * The job queue. {@code concurrency} maps a queue name to its worker count on this instance;
   * {@code failedRetention} zero keeps failed jobs until someone removes them.
   */
  public record Queue(
      boolean workersEnabled,
      Map<String, Integer> concurrency,
      Duration completedRetention,
      Duration failedRetention,
      Duration shutdownGrace,
      Duration outboxPoll) {
    public Queue {
      completedRetention = orDefault(completedRetention, QueueSettings.DEFAULT_COMPLETED_RETENTION);
      failedRetention = orDefault(failedRetention, QueueSettings.DEFAULT_FAILED_RETENTION);
      shutdownGrace = orDefault(shutdownGrace, QueueSettings.DEFAULT_SHUTDOWN_GRACE);
    }

    /** The queues given a worker count; the others keep the engine's defaults. */
    public Map<String, Integer> concurrencyOverrides() {
      Map<String, Integer> given = new HashMap<>();
      if (concurrency != null) {
        concurrency.forEach(
            (queue, workers) -> {
              if (workers != null) {
                given.put(queue, workers);
              }
            });
      }
      return given;
    }
  }

  /**
   * Outbound email: SMTP when {@code smtpHost} is set, otherwise one {@code .eml} file per message
   * under {@code directory} (default {@code <data-dir>/mail}).
   */
  public record Mail(
      String smtpHost,
      int smtpPort,
      String smtpUsername,
      String smtpPassword,
      String smtpSecurity,
      String from,
      Path directory) {
    public boolean smtp() {
      return smtpHost != null && !smtpHost.isBlank();
    }

    @Override
    public String toString() {
      return "Mail[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", from=" + from + "]";
    }
  }

  /** External PostgreSQL; when {@code url} is blank an embedded server is started instead. */
  public record Db(String url, String username, String password) {
    public boolean embedded() {
      return url == null || url.isBlank();
    }
  }

  public record Jwt(
      String issuer,
      String audience,
      Duration accessTokenTtl,
      Duration refreshTokenTtl,
      String keys,
      String keysFile,
      boolean generateKeys,
      String activeKeyId,
      String jwkSetUri) {
    public Jwt {
      accessTokenTtl = orDefault(accessTokenTtl, AuthSettings.DEFAULT_ACCESS_TOKEN_TTL);
      refreshTokenTtl = orDefault(refreshTokenTtl, AuthSettings.DEFAULT_REFRESH_TOKEN_TTL);
    }
  }

  /** {@code sessionMaxLifetime}: a browser session ends this long after its login, used or not. */
  public record Security(int bcryptStrength, Duration sessionMaxLifetime) {}

  public record Web(DataSize maxJsonBody) {}

  /**
   * Demo accounts (Liquibase context {@code demo}); on by default only with the embedded database.
   */
  public record Demo(Boolean enabled) {}

  /**
   * Redis; when neither {@code url} nor {@code configFile} is set an embedded server is started.
   * Logical databases per the seed: cache 0, sessions 1, queues 2.
   */
  public record Redis(
      String url,
      String configFile,
      int cacheDatabase,
      int sessionDatabase,
      Integer queueDatabase,
      String keyPrefix,
      Duration commandTimeout,
      Duration circuitOpenFor,
      Duration revocationRetention) {
    public Redis {
      queueDatabase = orDefault(queueDatabase, RedisSettings.DEFAULT_QUEUE_DATABASE);
      commandTimeout = orDefault(commandTimeout, RedisSettings.DEFAULT_COMMAND_TIMEOUT);
      circuitOpenFor = orDefault(circuitOpenFor, RedisSettings.DEFAULT_CIRCUIT_OPEN_FOR);
    }

    public boolean embedded() {
      return (url == null || url.isBlank()) && (configFile == null || configFile.isBlank());
    }
  }

  /** Cache-aside: {@code ttl} overrides the default per namespace (e.g. {@code users: 10m}). */
  public record CacheSettings(
      boolean enabled, Duration defaultTtl, Duration nearTtl, Map<String, Duration> ttl) {
    public Map<String, Duration> ttlByNamespace() {
      return ttl == null ? Map.of() : ttl;
    }
  }

  /** Budgets per scope (global, authenticated, guest, login, register, password-reset). */
  public record RateLimit(boolean enabled, Map<String, Limit> limits) {
    public Map<String, Limit> overrides() {
      return limits == null ? Map.of() : limits;
    }
  }

  public record Limit(Long capacity, Duration window) {}

  /**
   * API versions: v1 is deprecated on {@code v1Deprecation} and goes away on {@code v1Sunset}
   * (blank: six months later; earlier is refused at startup).
   */
  public record Api(LocalDate v1Deprecation, String v1Sunset) {
    public LocalDate v1SunsetDate() {
      return isBlank(v1Sunset) ? null : LocalDate.parse(v1Sunset.strip());
    }
  }

  /** The cursor MAC key; blank: generated once into {@code secretFile} (or the data directory). */
  public record Cursor(String secret, String secretFile) {
    @Override
    public String toString() {
      return "Cursor[secret=****, secretFile=" + secretFile + "]";
    }
  }

  public Path resolvedCursorSecretFile() {
    return isBlank(cursor.secretFile())
        ? dataDir.resolve("cursor-secret")
        : Path.of(cursor.secretFile());
  }

  public Path resolvedKeysFile() {
    return isBlank(jwt.keysFile()) ? dataDir.resolve("jwt-keys.json") : Path.of(jwt.keysFile());
  }

  public URI jwkSetUri() {
    return isBlank(jwt.jwkSetUri()) ? null : URI.create(jwt.jwkSetUri());
  }

  private static <T> T orDefault(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public boolean demoEnabled() {
    return demo.enabled() != null ? demo.enabled() : db.embedded();
  }
}
