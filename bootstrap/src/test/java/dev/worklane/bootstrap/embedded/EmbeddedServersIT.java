package dev.worklane.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.bootstrap.db.EmbeddedPostgresServer;
import dev.worklane.bootstrap.redis.EmbeddedRedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded servers of the default setup, on real binaries: durable PostgreSQL settings, one
 * owner per directory, and a pid file that names somebody else's process (the pid was reused) never
 * gets that process killed. {@code CrashRecoveryIT} covers the real leftover after SIGKILL.
 */
class EmbeddedServersIT {
  @TempDir Path dataDir;

  /** Another program whose pid a stale pid file names. */
  private Process stranger;

  @BeforeEach
  void startStranger() throws IOException {
    stranger = new ProcessBuilder("sleep", "600").start();
  }

  @AfterEach
  void stopStranger() throws InterruptedException {
    stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void postgresIsDurableOwnedOnceAndLeavesAnotherProgramAlone() throws Exception {
    try (EmbeddedPostgresServer initialised = EmbeddedPostgresServer.start(dataDir)) {
      assertThat(initialised.port()).isPositive();
    }
    Path postmasterPid = dataDir.resolve("postgres/postmaster.pid");
    Files.writeString(postmasterPid, stranger.pid() + "\n" + dataDir.resolve("postgres") + "\n");

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
      String url = server.endpoint().url();
      assertThat(show(url, "fsync")).isEqualTo("on");
      assertThat(show(url, "synchronous_commit")).isEqualTo("on");
      assertThat(show(url, "full_page_writes")).isEqualTo("on");

      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another running Worklane");
      assertThat(show(url, "fsync")).as("the first server still serves").isEqualTo("on");
    }
    assertThat(stranger.isAlive()).as("the program the stale pid file named").isTrue();
  }

  @Test
  void redisNeverSharesItsAppendOnlyFileAndLeavesAnotherProgramAlone() throws Exception {
    Path pidFile = dataDir.resolve("redis/redis-server.pid");
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, stranger.pid() + "\n");

    try (EmbeddedRedisServer server = EmbeddedRedisServer.start(dataDir)) {
      assertThat(ping(server.url())).isEqualTo("+PONG");
      long redisPid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
      assertThat(redisPid).as("Redis records its own pid").isNotEqualTo(stranger.pid());

      assertThatThrownBy(() -> EmbeddedRedisServer.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another running Worklane");
      assertThat(ping(server.url())).as("the first server still serves").isEqualTo("+PONG");
    }
    assertThat(stranger.isAlive()).as("the program the stale pid file named").isTrue();
  }

  private static String show(String jdbcUrl, String setting) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("show " + setting)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static String ping(String redisUrl) throws IOException {
    URI uri = URI.create(redisUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
