package dev.worklane.adapter.out.storage.testsupport;

import dev.worklane.adapter.out.storage.S3Settings;
import dev.worklane.adapter.out.storage.s3.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server for tests: s3proxy in this JVM on a free loopback port, its filesystem
 * backend in a temporary directory, AWS signatures (V2 or V4) checked against {@link #ACCESS_KEY} /
 * {@link #SECRET_KEY}. {@link #stop()} and {@link #start()} play an outage on the same port and
 * data.
 */
public final class TestS3 implements AutoCloseable {
  public static final String ACCESS_KEY = "worklane-test-access";
  public static final String SECRET_KEY = "worklane-test-secret-0123456789";
  public static final String REGION = "us-east-1";

  private final int port;
  private final Path directory;
  private final String bucket;
  private S3Proxy proxy;

  private TestS3(int port, Path directory, String bucket) {
    this.port = port;
    this.directory = directory;
    this.bucket = bucket;
  }

  /** A started server on a free port and a fresh directory, with {@code bucket} created. */
  public static TestS3 withBucket(String bucket) {
    try {
      return on(freePort(), Files.createTempDirectory("worklane-s3proxy"), bucket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started server on {@code port} keeping its objects in {@code directory}. */
  public static TestS3 on(int port, Path directory, String bucket) {
    TestS3 server = new TestS3(port, directory, bucket);
    server.start();
    try (S3Client client = S3Clients.client(server.settings(), credentials())) {
      if (!client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
        client.createBucket(request -> request.bucket(bucket));
      }
    }
    return server;
  }

  public synchronized void start() {
    if (proxy != null) {
      return;
    }
    S3Proxy started =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(directory.toString()))
            .endpoint(endpoint())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      started.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!"STARTED".equals(started.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy did not start: " + started.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot start s3proxy on port " + port, e);
    }
    proxy = started;
  }

  public synchronized void stop() {
    if (proxy == null) {
      return;
    }
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop s3proxy", e);
    }
    proxy = null;
  }

  @Override
  public void close() {
    stop();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String bucket() {
    return bucket;
  }

  /** Path-style settings for this server (s3proxy serves no virtual hosts). */
  public S3Settings settings() {
    return new S3Settings(endpoint(), bucket, true, REGION, Duration.ofSeconds(10));
  }

  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
