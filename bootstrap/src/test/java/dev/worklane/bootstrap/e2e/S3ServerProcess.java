package dev.worklane.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-protocol server (s3proxy, via adapters-storage's {@code TestS3Main}) in a JVM of its
 * own, so its libraries never join the application's classpath, on a fixed port and directory: a
 * test {@link #kill()}s it (SIGKILL) to play an outage and {@link #start()}s it again on the same
 * port and data. Its classpath comes from adapters-storage's build ({@code test-s3.classpath}),
 * which the reactor builds first; a missing file fails the test with the command to run.
 */
final class S3ServerProcess implements AutoCloseable {
  static final String ACCESS_KEY = "worklane-test-access";
  static final String SECRET_KEY = "worklane-test-secret-0123456789";
  static final String BUCKET = "worklane-e2e";
  private static final String READY = "test-s3-ready";

  private final int port = freePort();
  private final Path directory;
  private Process process;

  S3ServerProcess() {
    try {
      directory = Files.createTempDirectory("worklane-e2e-s3");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx256m",
                      "-cp",
                      classpath(),
                      "dev.worklane.adapter.out.storage.testsupport.TestS3Main",
                      Integer.toString(port),
                      directory.toString(),
                      BUCKET))
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> ready =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(READY)) {
                      return line;
                    }
                  }
                  return null;
                } catch (IOException e) {
                  return null;
                }
              });
      String line = ready.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        throw new IllegalStateException("the S3 test server exited before it was ready");
      }
      // keep draining its output so it never blocks on a full pipe
      Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      kill();
      throw new IllegalStateException("cannot start the S3 test server", e);
    }
  }

  /** SIGKILL: the store vanishes mid-whatever, as a crashed or unreachable one would. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  @Override
  public void close() {
    kill();
  }

  private static String classpath() throws IOException {
    String file = System.getProperty("worklane.test.s3.classpath-file");
    String classes = System.getProperty("worklane.test.s3.classes");
    if (file == null || classes == null || !Files.exists(Path.of(file))) {
      throw new IllegalStateException(
          "No S3 test server classpath ("
              + file
              + "): build adapters-storage in the same run, e.g. "
              + "./mvnw verify -pl bootstrap -am");
    }
    return classes + java.io.File.pathSeparator + Files.readString(Path.of(file)).strip();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
