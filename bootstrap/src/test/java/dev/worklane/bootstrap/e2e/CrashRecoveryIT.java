package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.bootstrap.e2e.PackagedApps.Worklane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default after a crash: the packaged jar runs as a child process on its own data
 * directory with the embedded PostgreSQL and Redis, acknowledges writes, is killed with SIGKILL
 * (only the JVM: its servers stay behind as orphans, as after the OOM killer), and must come up by
 * itself on the same directory with every acknowledged write still there. Runs after {@code
 * package}, which builds {@code target/worklane.jar}.
 */
@ExtendWith(Traffic.class)
class CrashRecoveryIT {
  /** The promise: a restart after a crash is ready within 20 s (README "embedded default"). */
  private static final Duration RESTART_BUDGET = Duration.ofSeconds(20);

  private static final Duration COLD_START_LIMIT = Duration.ofSeconds(150);
  private static final String PASSWORD = "correct horse battery staple";
  private static final int USERS = 8;

  @TempDir Path work;

  private PackagedApps apps;

  @BeforeEach
  void apps() {
    apps = new PackagedApps(work);
  }

  @Test
  void everyAcknowledgedWriteSurvivesASigkillAndTheRestartComesUpByItself() throws Exception {
    Path dataDir = work.resolve("data");

    long coldStart = System.nanoTime();
    Worklane first = start(dataDir, "first", COLD_START_LIMIT);
    Duration coldStartTook = Duration.ofNanos(System.nanoTime() - coldStart);
    assertDurable(dataDir);
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String email = "crash-" + i + "@example.com";
      Api.Response registered =
          first
              .api()
              .postJson(
                  "/api/v1/auth/register",
                  """
                  {"email":"%s","password":"%s","displayName":"Crash %d"}"""
                      .formatted(email, PASSWORD, i));
      assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
      emails.add(email);
    }

    // SIGKILL to the JVM alone, like a crash: its embedded servers are not told anything.
    first.process().destroyForcibly();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    long leftoverPostgres = livePid(dataDir.resolve("postgres/postmaster.pid")).orElseThrow();
    long leftoverRedis = livePid(dataDir.resolve("redis/redis-server.pid")).orElseThrow();

    // On a loaded machine the JVM alone may start slower than the promise: then a restart may
    // take as long as the cold start (which also ran initdb), never longer.
    Duration budget = coldStartTook.compareTo(RESTART_BUDGET) > 0 ? coldStartTook : RESTART_BUDGET;
    long restart = System.nanoTime();
    Worklane second = start(dataDir, "second", budget);
    Duration restartTook = Duration.ofNanos(System.nanoTime() - restart);
    System.out.printf(
        "crash recovery: cold start %d ms, restart after SIGKILL %d ms%n",
        coldStartTook.toMillis(), restartTook.toMillis());

    // The leftovers were stopped, not joined by second servers on the same files.
    assertThat(isRunning(leftoverPostgres)).as("leftover PostgreSQL").isFalse();
    assertThat(isRunning(leftoverRedis)).as("leftover Redis").isFalse();
    assertThat(livePid(dataDir.resolve("redis/redis-server.pid"))).isPresent();
    assertDurable(dataDir);
    for (String email : emails) {
      Api.Response login =
          second
              .api()
              .postJson(
                  "/api/v1/auth/login",
                  """
                  {"email":"%s","password":"%s"}"""
                      .formatted(email, PASSWORD));
      assertThat(login.status()).as(email + ": " + login).isEqualTo(200);
      Api.Response me =
          second.api().get("/api/v1/users/me", login.data().get("accessToken").asString());
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.data().get("email").asString()).isEqualTo(email);
    }
  }

  /** Stops the apps, then whatever embedded server a failed assertion may have left behind. */
  @AfterEach
  void stopEverything() throws Exception {
    apps.stopAll(work.resolve("data"));
  }

  private Worklane start(Path dataDir, String name, Duration readyWithin) throws IOException {
    // Eight registrations from one IP would exceed the registration limit; not under test here.
    return apps.start(
        dataDir, name, "384m", readyWithin, Map.of("WORKLANE_RATE_LIMIT_ENABLED", "false"));
  }

  /** The running embedded server is a durable database, not zonky's test configuration. */
  private static void assertDurable(Path dataDir) throws IOException, SQLException {
    // postmaster.pid: pid, data directory, start time, port, …
    List<String> postmaster = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
    String url = "jdbc:postgresql://localhost:" + postmaster.get(3).trim() + "/worklane";
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement()) {
      for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
    }
  }

  private static Optional<Long> livePid(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
    return isRunning(pid) ? Optional.of(pid) : Optional.empty();
  }

  /** Alive and not a zombie (an orphan that exited is reaped by whoever adopted it, or not). */
  private static boolean isRunning(long pid) throws IOException {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (NoSuchFileException gone) {
      return false;
    }
  }
}
