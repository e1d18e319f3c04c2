package dev.worklane.bootstrap.config;

import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.out.storage.ObjectStorageConfiguration;
import dev.worklane.adapter.out.storage.S3Settings;
import dev.worklane.adapter.out.storage.StorageAdapterSettings;
import dev.worklane.application.port.in.file.FileDownloadUseCase;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ServedFiles;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.application.service.file.FileDownloadService;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Files: maps {@code worklane.storage.*} to the object storage adapter (local disk under {@code
 * $WORKLANE_DATA_DIR/files} by default, or S3) and serves the app's file URLs (signed downloads of
 * the local store, public objects) through {@link FileDownloadUseCase}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ObjectStorageConfiguration.class)
public class StorageWiring {
  private static final Logger LOG = LoggerFactory.getLogger(StorageWiring.class);

  @Bean
  StorageAdapterSettings storageAdapterSettings(WorklaneProperties properties) {
    WorklaneProperties.Storage storage = properties.storage();
    String type = storage.type() == null ? "local" : storage.type().strip();
    String appUrl = withoutTrailingSlash(properties.publicUrl());
    URI publicBase =
        URI.create(
            isBlank(storage.publicFilesBaseUrl())
                ? appUrl + ApiPaths.FILES_PUBLIC
                : withoutTrailingSlash(storage.publicFilesBaseUrl().strip()));
    S3Settings s3 = null;
    StorageAdapterSettings.Type kind =
        switch (type.toLowerCase(Locale.ROOT)) {
          case "local" -> StorageAdapterSettings.Type.LOCAL;
          case "s3" -> StorageAdapterSettings.Type.S3;
          default ->
              throw new IllegalStateException(
                  "WORKLANE_STORAGE_TYPE must be local or s3, not '" + type + "'");
        };
    if (kind == StorageAdapterSettings.Type.S3) {
      WorklaneProperties.S3 s3Properties = storage.s3();
      s3 =
          new S3Settings(
              isBlank(s3Properties.endpoint()) ? null : URI.create(s3Properties.endpoint().strip()),
              s3Properties.bucket(),
              s3Properties.pathStyle(),
              s3Properties.region(),
              s3Properties.timeout());
    }
    return new StorageAdapterSettings(
        kind,
        properties.resolvedStorageDir(),
        storage.signingSecret(),
        properties.resolvedStorageSigningSecretFile(),
        URI.create(appUrl + ApiPaths.FILES_DOWNLOAD),
        publicBase,
        s3);
  }

  @Bean
  FileDownloadUseCase fileDownloadUseCase(
      ServedFiles servedFiles, ObjectStorage storage, Clock clock) {
    return new FileDownloadService(servedFiles, storage, clock);
  }

  /**
   * {@code storage} in the readiness group ({@code /ready}): the store answers (local: the
   * directory is writable; S3: HeadBucket within 2 s). DOWN carries no detail: the reason is in the
   * log and in {@code worklane.storage.requests{operation=check,outcome=error}}.
   */
  @Bean
  HealthIndicator storageHealthIndicator(ObjectStorage storage) {
    return () -> {
      try {
        storage.check();
        return Health.up().build();
      } catch (StorageUnavailableException e) {
        LOG.warn("storage_check_failed error={}", e.getMessage());
        return Health.down().build();
      }
    };
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
