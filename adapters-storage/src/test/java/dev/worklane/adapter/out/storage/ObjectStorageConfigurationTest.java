package dev.worklane.adapter.out.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.storage.local.LocalDiskObjectStorageAdapter;
import dev.worklane.adapter.out.storage.s3.S3ObjectStorageAdapter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStorageConfigurationTest {
  static final URI PUBLIC = URI.create("http://localhost:8080/files/public");
  @TempDir Path dataDir;

  @Test
  void buildsTheLocalStoreAndGeneratesItsSigningSecretOnce() throws Exception {
    StorageAdapterSettings settings =
        new StorageAdapterSettings(
            StorageAdapterSettings.Type.LOCAL,
            dataDir.resolve("files"),
            "",
            dataDir.resolve("storage-signing-secret"),
            URI.create("http://localhost:8080/files/download"),
            PUBLIC,
            null);

    try (StorageBackend store = ObjectStorageConfiguration.store(settings, Clock.systemUTC())) {
      assertThat(store).isInstanceOf(LocalDiskObjectStorageAdapter.class);
      assertThat(store.servesSignedLinks()).isTrue();
    }
    assertThat(dataDir.resolve("files")).isDirectory();
    String secret = java.nio.file.Files.readString(dataDir.resolve("storage-signing-secret"));
    ObjectStorageConfiguration.store(settings, Clock.systemUTC()).close();
    assertThat(java.nio.file.Files.readString(dataDir.resolve("storage-signing-secret")))
        .isEqualTo(secret);
  }

  @Test
  void buildsTheS3StoreWithoutConnecting() {
    StorageAdapterSettings settings =
        new StorageAdapterSettings(
            StorageAdapterSettings.Type.S3,
            null,
            null,
            null,
            null,
            PUBLIC,
            new S3Settings(URI.create("http://127.0.0.1:1"), "files", true, "eu-west-1", null));

    try (StorageBackend store = ObjectStorageConfiguration.store(settings, Clock.systemUTC())) {
      assertThat(store).isInstanceOf(S3ObjectStorageAdapter.class);
      assertThat(store.servesSignedLinks()).isFalse();
      assertThat(store.publicUrl("avatars/a.png"))
          .isEqualTo(URI.create("http://localhost:8080/files/public/avatars/a.png"));
    }
    assertThat(settings.s3().timeout()).isEqualTo(S3Settings.DEFAULT_TIMEOUT);
  }

  @Test
  void refusesIncompleteSettingsAndShortSecrets() {
    assertThatThrownBy(() -> new S3Settings(null, " ", false, null, Duration.ofSeconds(1)))
        .hasMessageContaining("WORKLANE_S3_BUCKET");
    assertThatThrownBy(
            () ->
                new StorageAdapterSettings(
                    StorageAdapterSettings.Type.S3, null, null, null, null, PUBLIC, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningSecret.load("too short", null))
        .hasMessageContaining("at least 32");
    assertThat(
            new StorageAdapterSettings(
                    StorageAdapterSettings.Type.LOCAL,
                    dataDir,
                    "a secret that must never be printed",
                    null,
                    PUBLIC,
                    PUBLIC,
                    null)
                .toString())
        .doesNotContain("never be printed");
  }
}
