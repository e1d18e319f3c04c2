package dev.worklane.adapter.out.storage;

import dev.worklane.adapter.out.storage.local.LocalDiskObjectStorageAdapter;
import dev.worklane.adapter.out.storage.s3.S3Clients;
import dev.worklane.adapter.out.storage.s3.S3ObjectStorageAdapter;
import dev.worklane.adapter.out.storage.sniff.TikaContentSnifferAdapter;
import dev.worklane.application.port.out.ContentSniffer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The object store of this deployment ({@link dev.worklane.application.port.out.ObjectStorage} and
 * {@link dev.worklane.application.port.out.ServedFiles} in one bean), chosen by {@link
 * StorageAdapterSettings#type()}, and the {@link ContentSniffer}. Bootstrap maps its properties to
 * the settings record, provides the {@link Clock}, and imports this class.
 */
@Configuration(proxyBeanMethods = false)
public class ObjectStorageConfiguration {
  /** How long the readiness probe waits for the store. */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  /** The store of {@code settings}, metered when the application has a meter registry. */
  @Bean
  StorageBackend objectStorage(
      StorageAdapterSettings settings, Clock clock, ObjectProvider<MeterRegistry> meters) {
    StorageBackend store = store(settings, clock);
    MeterRegistry registry = meters.getIfAvailable();
    return registry == null ? store : new MeteredObjectStorageAdapter(store, registry);
  }

  static StorageBackend store(StorageAdapterSettings settings, Clock clock) {
    return switch (settings.type()) {
      case LOCAL ->
          new LocalDiskObjectStorageAdapter(
              settings.localDirectory(),
              SigningSecret.load(settings.signingSecret(), settings.signingSecretFile()),
              settings.downloadBaseUrl(),
              settings.publicBaseUrl(),
              clock);
      case S3 -> {
        // The SDK's default chain: environment, system properties, web identity, profile,
        // container or instance role. Nothing of it is configured here or logged.
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        yield new S3ObjectStorageAdapter(
            S3Clients.client(settings.s3(), credentials),
            S3Clients.presigner(settings.s3(), credentials),
            settings.s3().bucket(),
            settings.publicBaseUrl(),
            CHECK_TIMEOUT);
      }
    };
  }

  @Bean
  ContentSniffer contentSniffer() {
    return new TikaContentSnifferAdapter();
  }
}
