package dev.worklane.bootstrap.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real browser of the dashboard's browser test: Debian's {@code chromium} and {@code
 * chromedriver} (or {@code WORKLANE_TEST_CHROMIUM} / {@code WORKLANE_TEST_CHROMEDRIVER}). Like the
 * embedded PostgreSQL and Redis of the other tests, the suite provides what it needs on a fresh
 * machine: when they are missing and this runs as root with apt-get, they are installed once per
 * test JVM. Otherwise the test fails with the install command; it is never skipped.
 */
final class TestChromium {
  static final Path CHROMIUM = configured("WORKLANE_TEST_CHROMIUM", "/usr/bin/chromium");
  static final Path CHROMEDRIVER =
      configured("WORKLANE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static boolean tried;

  private TestChromium() {}

  /** Installs Chromium and its driver when missing and possible; call before using the paths. */
  static synchronized void ensureInstalled() {
    if (tried || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))) {
      return;
    }
    tried = true;
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !runningAsRoot()) {
      return;
    }
    System.err.println("TestChromium: installing chromium and chromium-driver with apt-get");
    List<String> install = List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver");
    if (!run(install)) {
      run(List.of("apt-get", "update", "-q"));
      run(install);
    }
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path configured(String variable, String fallback) {
    String value = System.getenv(variable);
    return Path.of(value == null || value.isBlank() ? fallback : value);
  }
}
