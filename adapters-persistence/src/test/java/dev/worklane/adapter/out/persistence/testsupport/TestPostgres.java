package dev.worklane.adapter.out.persistence.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL server integration tests run against, one per JVM, chosen in this order
 * (never a mock, never a skip):
 *
 * <ol>
 *   <li>{@value #URL_VARIABLE}: the JDBC URL of an existing server whose user may {@code CREATE
 *       DATABASE}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=x};
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>embedded PostgreSQL (zonky), which needs nothing but this JVM.
 * </ol>
 *
 * <p>Each {@link #freshDatabase()} is a new, uniquely named database on that server, so test
 * contexts, and concurrent builds sharing one server, never see each other's rows. Databases
 * created on a server this JVM did not start are dropped at shutdown (best effort); the others go
 * with their server.
 */
public final class TestPostgres {

  /** Environment variable naming an existing server to use instead of starting one. */
  public static final String URL_VARIABLE = "WORKLANE_TEST_POSTGRES_URL";

  static final String DATABASE_PREFIX = "wl_test_";

  private static volatile Server server;

  private TestPostgres() {}

  /** Connection settings of one database, ready for {@code spring.datasource.*}. */
  public record Database(String name, String jdbcUrl, String username, String password) {

    /** Opens a plain JDBC connection, for assertions that bypass the code under test. */
    public Connection connect() throws SQLException {
      Properties credentials = new Properties();
      credentials.setProperty("user", username);
      if (password != null) {
        credentials.setProperty("password", password);
      }
      return DriverManager.getConnection(jdbcUrl, credentials);
    }

    @Override
    public String toString() {
      return "Database[" + jdbcUrl + " as " + username + "]";
    }
  }

  /** Creates a new empty database on this JVM's server, starting the server on first use. */
  public static Database freshDatabase() {
    Server current = server();
    String name =
        DATABASE_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = current.admin().connect();
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + current, e);
    }
    current.created.add(name);
    return current.database(name);
  }

  /** Where this JVM's server came from: "environment", "testcontainers" or "embedded". */
  public static String source() {
    return server().source;
  }

  private static Server server() {
    Server current = server;
    if (current == null) {
      synchronized (TestPostgres.class) {
        current = server;
        if (current == null) {
          current = start();
          Server started = current;
          Runtime.getRuntime()
              .addShutdownHook(new Thread(started::shutDown, "worklane-test-postgres-cleanup"));
          server = current;
        }
      }
    }
    return current;
  }

  private static Server start() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new Server("environment", JdbcUrl.parse(url.strip()), true, () -> {});
    }
    if (ContainerPostgres.dockerAvailable()) {
      return ContainerPostgres.start();
    }
    return EmbeddedPostgresServer.start();
  }

  /** One running server; {@code dropOnExit} when it outlives this JVM, {@code stop} otherwise. */
  static final class Server {
    private final String source;
    private final JdbcUrl adminUrl;
    private final boolean dropOnExit;
    private final Runnable stop;
    private final List<String> created = new CopyOnWriteArrayList<>();

    Server(String source, JdbcUrl adminUrl, boolean dropOnExit, Runnable stop) {
      this.source = source;
      this.adminUrl = adminUrl;
      this.dropOnExit = dropOnExit;
      this.stop = stop;
    }

    Database admin() {
      return database(adminUrl.database());
    }

    Database database(String name) {
      return new Database(name, adminUrl.withDatabase(name), adminUrl.user(), adminUrl.password());
    }

    void shutDown() {
      if (dropOnExit) {
        dropCreatedDatabases();
      }
      stop.run();
    }

    private void dropCreatedDatabases() {
      try (Connection admin = admin().connect();
          Statement statement = admin.createStatement()) {
        for (String name : created) {
          // FORCE (PostgreSQL 13+) ends connections a pool may still hold at shutdown.
          statement.execute("drop database if exists " + name + " with (force)");
        }
      } catch (SQLException e) {
        System.err.println("worklane: could not drop test databases " + created + ": " + e);
      }
    }

    @Override
    public String toString() {
      return source + " PostgreSQL at " + adminUrl.withDatabase(adminUrl.database());
    }
  }
}
