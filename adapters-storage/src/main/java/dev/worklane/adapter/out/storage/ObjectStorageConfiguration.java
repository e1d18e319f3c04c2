package dev.worklane.adapter.out.storage;

import dev.worklane.adapter.out.storage.local.LocalDiskObjectStorageAdapter;
import dev.worklane.adapter.out.storage.sniff.TikaContentSnifferAdapter;
import dev.worklane.application.port.out.ContentSniffer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The object store of this deployment ({@link dev.worklane.application.port.out.ObjectStorage} and
 * {@link dev.worklane.application.port.out.ServedFiles} in one bean), chosen by {@link
 * StorageAdapterSettings#type()}, and the {@link ContentSniffer}. Bootstrap maps its properties to
 * the settings record, provides the {@link Clock}, and imports this class.
 */
@Configuration(proxyBeanMethods = false)
public class ObjectStorageConfiguration {

  @Bean
  StorageBackend objectStorage(StorageAdapterSettings settings, Clock clock) {
    return switch (settings.type()) {
      case LOCAL ->
          new LocalDiskObjectStorageAdapter(
              settings.localDirectory(),
              SigningSecret.load(settings.signingSecret(), settings.signingSecretFile()),
              settings.downloadBaseUrl(),
              settings.publicBaseUrl(),
              clock);
      case S3 ->
          throw new IllegalStateException(
              "WORKLANE_STORAGE_TYPE=s3 is not available in this build");
    };
  }

  @Bean
  ContentSniffer contentSniffer() {
    return new TikaContentSnifferAdapter();
  }
}
