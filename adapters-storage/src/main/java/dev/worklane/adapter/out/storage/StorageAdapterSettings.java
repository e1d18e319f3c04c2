package dev.worklane.adapter.out.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the object storage adapters need, mapped from configuration by bootstrap.
 *
 * @param type which store to build
 * @param localDirectory the local store's root ({@code $WORKLANE_DATA_DIR/files} by default)
 * @param signingSecret the configured HMAC key of local signed URLs, or blank to use {@code
 *     signingSecretFile} (generated on first start)
 * @param signingSecretFile where the generated key lives
 * @param downloadBaseUrl where the app serves local signed downloads ({@code …/files/download})
 * @param publicBaseUrl {@code WORKLANE_PUBLIC_FILES_BASE_URL}: where public objects are served
 * @param s3 the S3 store; required when {@code type} is {@link Type#S3}
 */
public record StorageAdapterSettings(
    Type type,
    Path localDirectory,
    String signingSecret,
    Path signingSecretFile,
    URI downloadBaseUrl,
    URI publicBaseUrl,
    S3Settings s3) {

  /** Where object bytes live. */
  public enum Type {
    /** Files under {@code localDirectory}, served by the app. */
    LOCAL,
    /** An S3 bucket (AWS, MinIO, any S3-protocol server). */
    S3
  }

  public StorageAdapterSettings {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    if (type == Type.LOCAL) {
      Objects.requireNonNull(localDirectory, "localDirectory");
      Objects.requireNonNull(downloadBaseUrl, "downloadBaseUrl");
    }
    if (type == Type.S3 && s3 == null) {
      throw new IllegalArgumentException("the S3 store needs S3 settings");
    }
  }

  @Override
  public String toString() {
    return "StorageAdapterSettings[type="
        + type
        + ", localDirectory="
        + localDirectory
        + ", signingSecret=****, publicBaseUrl="
        + publicBaseUrl
        + ", s3="
        + s3
        + "]";
  }
}
