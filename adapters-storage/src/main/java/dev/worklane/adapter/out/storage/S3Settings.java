package dev.worklane.adapter.out.storage;

import java.net.URI;
import java.time.Duration;

/**
 * The S3 store. Credentials are never configured here: the AWS SDK's default chain finds them
 * (environment, profile, container or instance role).
 *
 * @param endpoint a custom endpoint (MinIO, s3proxy), or null for AWS itself
 * @param bucket the bucket, which must exist
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO)
 * @param region the signing region, or null for the SDK's region chain ({@code AWS_REGION}, …)
 * @param timeout how long one call may take before the store counts as unavailable
 */
public record S3Settings(
    URI endpoint, String bucket, boolean pathStyle, String region, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public S3Settings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("WORKLANE_S3_BUCKET is required with the S3 store");
    }
    if (region != null && region.isBlank()) {
      region = null;
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }
}
