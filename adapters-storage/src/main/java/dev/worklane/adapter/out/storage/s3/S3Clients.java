package dev.worklane.adapter.out.storage.s3;

import dev.worklane.adapter.out.storage.S3Settings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK client and presigner of one {@link S3Settings}. A connection is given {@value
 * #CONNECT_TIMEOUT_SECONDS} s (a dead endpoint fails fast; the SDK's standard retries still run),
 * each call attempt the configured timeout. Checksums are sent and checked only where S3 requires
 * them: the SDK's newer default (CRC trailers on every upload) is not understood by every
 * S3-protocol server.
 */
public final class S3Clients {
  static final int CONNECT_TIMEOUT_SECONDS = 2;

  private S3Clients() {}

  public static S3Client client(S3Settings settings, AwsCredentialsProvider credentials) {
    var builder =
        S3Client.builder()
            .region(region(settings))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
                    .socketTimeout(settings.timeout())
                    .maxConnections(64))
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(settings.timeout()));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  public static S3Presigner presigner(S3Settings settings, AwsCredentialsProvider credentials) {
    var builder =
        S3Presigner.builder()
            .region(region(settings))
            .credentialsProvider(credentials)
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  /** {@code AWS_REGION} (or the SDK's other region sources), else us-east-1 as MinIO expects. */
  static Region region(S3Settings settings) {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      return Region.US_EAST_1;
    }
  }
}
