package dev.worklane.adapter.out.redis.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The tests' Redis — always a real server, one per JVM, from (in order) {@code
 * WORKLANE_TEST_REDIS_URL}, Testcontainers when a Docker engine answers, else an embedded Redis on
 * a free port. Runs never collide: each takes its own {@link #uniquePrefix() key prefix}.
 *
 * <p>Tests that need nothing but their own keys (the job engine's) can also run on another
 * deployment — a Redis Cluster, Sentinel… — through a Redisson YAML named by {@code
 * WORKLANE_TEST_REDIS_CONFIG_FILE} (see {@code .ci/redis-cluster}); see {@link #configFile()}.
 */
public final class TestRedis {
  public static final String URL_VARIABLE = "WORKLANE_TEST_REDIS_URL";
  public static final String CONFIG_FILE_VARIABLE = "WORKLANE_TEST_REDIS_CONFIG_FILE";
  private static volatile String url;
  private static volatile String source;

  private TestRedis() {}

  public static synchronized String url() {
    if (url == null) {
      String configured = System.getenv(URL_VARIABLE);
      if (configured != null && !configured.isBlank()) {
        url = configured.strip();
        source = "environment";
      } else if (ContainerRedis.dockerAvailable()) {
        url = ContainerRedis.start();
        source = "testcontainers";
      } else {
        Dedicated embedded = dedicated();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "test-redis-stop"));
        url = embedded.url();
        source = "embedded";
      }
    }
    return url;
  }

  /** Where the shared server came from: environment, testcontainers or embedded. */
  public static String source() {
    url();
    return source;
  }

  /**
   * The Redisson YAML of {@code WORKLANE_TEST_REDIS_CONFIG_FILE}, or null when unset (then every
   * test uses {@link #url()}). Tests that need a single server of their own (stopping it, selecting
   * databases) ignore it.
   */
  public static String configFile() {
    String configured = System.getenv(CONFIG_FILE_VARIABLE);
    return configured == null || configured.isBlank() ? null : configured.strip();
  }

  /** A key prefix no other test run uses. */
  public static String uniquePrefix() {
    return "wl-test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
  }

  /** A private embedded server a test may stop and start (same port) to play an outage. */
  public static Dedicated dedicated() {
    return new Dedicated(freePort());
  }

  public static final class Dedicated {
    private final int port;
    private final RedisServer server;

    private Dedicated(int port) {
      this.port = port;
      try {
        this.server =
            RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start an embedded Redis", e);
      }
    }

    public String url() {
      return "redis://127.0.0.1:" + port;
    }

    public synchronized void stop() {
      try {
        if (server.isActive()) {
          server.stop();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public synchronized void start() {
      try {
        if (!server.isActive()) {
          server.start();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
