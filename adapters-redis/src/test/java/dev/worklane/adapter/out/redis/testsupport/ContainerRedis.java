package dev.worklane.adapter.out.redis.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/** The Testcontainers branch of {@link TestRedis}; only touched when a Docker engine answers. */
final class ContainerRedis {
  private ContainerRedis() {}

  static boolean dockerAvailable() {
    try {
      Class.forName(
          "org.testcontainers.DockerClientFactory", false, ContainerRedis.class.getClassLoader());
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper at JVM exit
  static String start() {
    GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
    redis.start();
    return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
  }
}
