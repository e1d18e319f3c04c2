package dev.worklane.bootstrap.redis;

import dev.worklane.bootstrap.embedded.DirectoryOwnership;
import dev.worklane.bootstrap.embedded.LeftoverServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server (embedded-redis, Redis 6.2 binaries) for the embedded default. It binds
 * 127.0.0.1 on a free port — never 6379 — and keeps an append-only file under Worklane's data
 * directory, so browser sessions survive a restart of the embedded setup too.
 *
 * <p>Two Redis servers must never write the same append-only file: Redis writes its pid to {@code
 * redis-server.pid} in that directory, and a server left running by a Worklane that was killed is
 * stopped before a new one starts (see {@link LeftoverServer}).
 */
public final class EmbeddedRedisServer implements AutoCloseable {
  static final String PID_FILE = "redis-server.pid";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
  private static final String WHAT = "embedded Redis";

  private final RedisServer server;
  private final int port;
  private final DirectoryOwnership ownership;

  private EmbeddedRedisServer(RedisServer server, int port, DirectoryOwnership ownership) {
    this.server = server;
    this.port = port;
    this.ownership = ownership;
  }

  public static EmbeddedRedisServer start(Path dataDir) {
    Path dir = redisDirectory(dataDir);
    DirectoryOwnership ownership = null;
    try {
      Files.createDirectories(dir);
      ownership = DirectoryOwnership.acquire(dir.resolveSibling("redis.lock"), WHAT + " in " + dir);
      stopLeftover(dataDir);
      int port = freePort();
      RedisServer server =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port)
              .setting("dir " + quoted(dir))
              // Redis writes it even in the foreground once configured, and removes it on exit.
              .setting("pidfile " + quoted(dir.resolve(PID_FILE)))
              .setting("appendonly yes")
              .setting("save \"\"")
              .setting("protected-mode yes")
              .build();
      server.start();
      LOG.info("embedded_redis_started port={} dataDir={}", port, dir);
      return new EmbeddedRedisServer(server, port, ownership);
    } catch (IOException e) {
      closeQuietly(ownership);
      throw new UncheckedIOException("Cannot start the embedded Redis in " + dir, e);
    } catch (RuntimeException e) {
      closeQuietly(ownership);
      throw e;
    }
  }

  /**
   * Stops the server that a Worklane killed without shutting down left running on {@code dataDir};
   * anything else is left alone. Only for whoever owns the directory (or knows nobody runs on it).
   *
   * @return whether there was one
   */
  public static boolean stopLeftover(Path dataDir) {
    Path dir = redisDirectory(dataDir);
    return LeftoverServer.stopIfLeftOver(
        WHAT, dir.resolve(PID_FILE), process -> isServerOf(process, dir), Duration.ofSeconds(10));
  }

  private static Path redisDirectory(Path dataDir) {
    return dataDir.resolve("redis").toAbsolutePath().normalize();
  }

  /**
   * Redis renames its process title, so the command line proves nothing; but it runs from its
   * {@code dir}, and its executable is still the redis-server binary.
   */
  static boolean isServerOf(ProcessHandle process, Path dir) {
    return LeftoverServer.executable(process)
            .map(exe -> exe.getFileName().toString().startsWith("redis-server"))
            .orElse(false)
        && LeftoverServer.workingDirectory(process)
            .map(cwd -> LeftoverServer.isSameDirectory(cwd, dir))
            .orElse(false);
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
      LOG.info("embedded_redis_stopped");
    } finally {
      ownership.close();
    }
  }

  /** Redis configuration syntax: a path with spaces stays one argument. */
  private static String quoted(Path path) {
    return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static void closeQuietly(DirectoryOwnership ownership) {
    if (ownership == null) {
      return;
    }
    try {
      ownership.close();
    } catch (IOException ignored) {
      // The lock goes with the JVM anyway.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
