package dev.worklane.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain TCP relay in front of a server the test must not stop (the machine's PostgreSQL, shared
 * by other test JVMs): {@link #cut()} drops every relayed connection and refuses new ones, as a
 * crashed or unreachable server would; {@link #restore()} lets connections through again.
 */
final class TcpRelay implements AutoCloseable {
  private static final Pattern JDBC_HOST_PORT =
      Pattern.compile("^(jdbc:postgresql://)([^/:?]+)(?::(\\d+))?(/.*)$");

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private TcpRelay(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("tcp-relay-accept").start(this::acceptLoop);
  }

  /** A relay to the host and port of a PostgreSQL JDBC URL. */
  static TcpRelay forJdbcUrl(String jdbcUrl) {
    Matcher m = JDBC_HOST_PORT.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/… URL");
    }
    int port = m.group(3) == null ? 5432 : Integer.parseInt(m.group(3));
    try {
      return new TcpRelay(new InetSocketAddress(m.group(2), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same JDBC URL pointed at this relay. */
  String relayed(String jdbcUrl) {
    Matcher m = JDBC_HOST_PORT.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/… URL");
    }
    return m.group(1) + "127.0.0.1:" + server.getLocalPort() + m.group(4);
  }

  void cut() {
    cut = true;
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  void restore() {
    cut = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(server);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (cut) {
        closeQuietly(client); // the server "is down": the connection attempt fails at once
        continue;
      }
      try {
        Socket upstream = new Socket();
        upstream.connect(target, 2_000);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .name("tcp-relay-pump")
        .start(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side went away (or cut() closed it): end both.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            });
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
