package dev.worklane.bootstrap.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops an embedded server that a crashed Worklane left running on its directory.
 *
 * <p>The embedded servers are separate processes: when the JVM is killed (SIGKILL, OOM killer) they
 * keep running and keep their directory locked, so the next start would fail. The server's pid file
 * names the candidate; {@code /proc} then proves that the process really is that server on that
 * directory before anything is signalled — a pid file can outlive its process and the pid be reused
 * by anything. Callers must hold the directory's {@link DirectoryOwnership} first, so a server of a
 * live Worklane is never mistaken for a leftover. Linux only ({@code /proc}); elsewhere nothing is
 * proven and nothing is touched.
 */
public final class LeftoverServer {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  private static final Path PROC = Path.of("/proc");

  private LeftoverServer() {}

  /**
   * Stops the process {@code pidFile} names when {@code isOurs} proves it is our server; deletes a
   * pid file that names a live process which is not (the server itself would refuse to start).
   *
   * @param what for logs and errors: "embedded PostgreSQL"
   * @param grace how long a clean shutdown may take before the process is killed
   * @return whether a leftover server was stopped
   */
  public static boolean stopIfLeftOver(
      String what, Path pidFile, Predicate<ProcessHandle> isOurs, Duration grace) {
    Optional<ProcessHandle> named = processNamedBy(pidFile);
    if (named.isEmpty()) {
      return false;
    }
    ProcessHandle process = named.get();
    if (!isOurs.test(process)) {
      LOG.warn(
          "embedded_server_stale_pid_file server=\"{}\" pidFile={} pid={} (another program,"
              + " left alone)",
          what,
          pidFile,
          process.pid());
      deleteIfPresent(pidFile);
      return false;
    }
    LOG.warn(
        "embedded_server_leftover server=\"{}\" pid={} (left running by a Worklane that did not"
            + " shut down; stopping it)",
        what,
        process.pid());
    stop(process, what, grace);
    return true;
  }

  /** The command line of a process ({@code argv}); empty when it cannot be read. */
  public static List<String> commandLine(ProcessHandle process) {
    try {
      byte[] raw = Files.readAllBytes(proc(process, "cmdline"));
      if (raw.length == 0) {
        return List.of();
      }
      return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The current directory of a process; empty when it cannot be read. */
  public static Optional<Path> workingDirectory(ProcessHandle process) {
    return link(proc(process, "cwd"));
  }

  /** The executable a process runs; empty when it cannot be read. */
  public static Optional<Path> executable(ProcessHandle process) {
    return link(proc(process, "exe"));
  }

  /** Whether {@code path} names {@code directory} (same inode, whatever the spelling). */
  public static boolean isSameDirectory(Path path, Path directory) {
    try {
      return Files.isDirectory(path) && Files.isSameFile(path, directory);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static void stop(ProcessHandle process, String what, Duration grace) {
    // Captured first: PostgreSQL's backends must go too, or they keep its shared memory in use.
    List<ProcessHandle> children = process.descendants().toList();
    // SIGTERM: PostgreSQL shuts down cleanly (the dead JVM's sessions are gone), Redis flushes
    // its append-only file; both then remove their pid files.
    process.destroy();
    if (awaitExit(process, grace)) {
      awaitAll(children, grace);
      LOG.info("embedded_server_leftover_stopped server=\"{}\" pid={}", what, process.pid());
      return;
    }
    // Last resort, a crash: both servers replay their logs on the next start.
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    if (!awaitExit(process, grace) || !awaitAll(children, grace)) {
      throw new IllegalStateException(
          "Cannot stop the " + what + " left running as pid " + process.pid());
    }
    LOG.warn("embedded_server_leftover_killed server=\"{}\" pid={}", what, process.pid());
  }

  private static boolean awaitAll(List<ProcessHandle> processes, Duration timeout) {
    return processes.stream().allMatch(process -> awaitExit(process, timeout));
  }

  /** Polls rather than {@code onExit()}: the process is not our child, and may stay a zombie. */
  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning(process)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * A zombie counts as gone: it holds no files, ports or memory, and an orphan is reaped only by
   * whoever adopted it.
   */
  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(proc(process, "stat"));
      int afterName = stat.lastIndexOf(')');
      return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
    } catch (IOException e) {
      return process.isAlive();
    }
  }

  private static Optional<ProcessHandle> processNamedBy(Path pidFile) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    String firstLine;
    try {
      firstLine =
          Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pidFile, e);
    }
    long pid;
    try {
      pid = Long.parseLong(firstLine.trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (pid <= 0 || pid == ProcessHandle.current().pid()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(LeftoverServer::isRunning);
  }

  private static Path proc(ProcessHandle process, String entry) {
    return PROC.resolve(Long.toString(process.pid())).resolve(entry);
  }

  private static Optional<Path> link(Path procLink) {
    try {
      return Optional.of(Files.readSymbolicLink(procLink));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static void deleteIfPresent(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the stale " + file, e);
    }
  }
}
