package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.bootstrap.db.EmbeddedPostgresServer;
import dev.worklane.bootstrap.redis.EmbeddedRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Worklane as its users run it: the packaged jar ({@code target/worklane.jar}, built by {@code
 * package}) started as a child process on the embedded default (its own data directory, embedded
 * PostgreSQL and Redis, nothing of the build's {@code WORKLANE_*} configuration), so a test can
 * kill it with SIGKILL and start it again on the same directory. {@link #stopAll} stops the apps,
 * then whatever embedded server a failed assertion left behind.
 */
final class PackagedApps {

  /** A started app: its process, a client for its API port, and that port. */
  record Worklane(Process process, Api api, int port) {}

  private final Path work;
  private final List<Process> apps = new ArrayList<>();

  /** {@code work}: the working directory of the processes and where their logs go. */
  PackagedApps(Path work) {
    this.work = work;
  }

  /**
   * Starts the jar with {@code -Xmx<maxHeap>} and the extra {@code env} and waits until {@code
   * /ready} answers 200, or fails with the end of the app's log ({@code <name>.log}).
   */
  Worklane start(
      Path dataDir, String name, String maxHeap, Duration readyWithin, Map<String, String> env)
      throws IOException {
    Path jar = Path.of("target", "worklane.jar").toAbsolutePath();
    assertThat(jar).as("the packaged app (mvn package)").exists();
    int port = freePort();
    Path log = work.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xms48m",
                "-Xmx" + maxHeap,
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString())
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // Nothing of the build's own configuration: the point is the embedded default.
    environment.keySet().removeIf(key -> key.startsWith("WORKLANE_") || key.startsWith("SPRING_"));
    environment.put("WORKLANE_DATA_DIR", dataDir.toString());
    environment.put("WORKLANE_DB_URL", "");
    environment.put("WORKLANE_REDIS_URL", "");
    environment.put("SERVER_PORT", Integer.toString(port));
    environment.put("WORKLANE_MANAGEMENT_PORT", Integer.toString(freePort()));
    environment.put("WORKLANE_DEMO_ENABLED", "false");
    environment.put("WORKLANE_BCRYPT_STRENGTH", "10");
    environment.putAll(env);
    Process process = builder.start();
    apps.add(process);
    Api api = new Api(port);
    try {
      await(name + " Worklane ready on :" + port)
          .atMost(readyWithin)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .failFast("the process exited", () -> !process.isAlive())
          .until(() -> api.get("/ready", null).status() == 200);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(e.getMessage() + "; its log ends with:\n" + tail(log), e);
    }
    return new Worklane(process, api, port);
  }

  /**
   * Stops every app still alive (SIGTERM, then SIGKILL), then the embedded servers of {@code
   * dataDir}.
   */
  void stopAll(Path dataDir) throws InterruptedException {
    for (Process app : apps) {
      if (app.isAlive()) {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
          app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
    EmbeddedPostgresServer.stopLeftover(dataDir);
    EmbeddedRedisServer.stopLeftover(dataDir);
  }

  /** The last 40 lines of a log, for a failure message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
