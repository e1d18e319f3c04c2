package dev.worklane.bootstrap.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server (embedded-redis, Redis 6.2 binaries) for the embedded default. It binds
 * 127.0.0.1 on a free port — never 6379 — and keeps an append-only file under Worklane's data
 * directory, so browser sessions survive a restart of the embedded setup too.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisServer(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static EmbeddedRedisServer start(Path dataDir) {
    Path dir = dataDir.resolve("redis").toAbsolutePath();
    try {
      Files.createDirectories(dir);
      int port = freePort();
      RedisServer server =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port)
              .setting("dir " + dir)
              .setting("appendonly yes")
              .setting("save \"\"")
              .setting("protected-mode yes")
              .build();
      server.start();
      LOG.info("embedded_redis_started port={} dataDir={}", port, dir);
      return new EmbeddedRedisServer(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded Redis in " + dir, e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    server.stop();
    LOG.info("embedded_redis_stopped");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
