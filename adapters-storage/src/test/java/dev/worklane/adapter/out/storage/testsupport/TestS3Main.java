package dev.worklane.adapter.out.storage.testsupport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link TestS3} as a process of its own, for tests of the whole application: its classpath
 * (s3proxy, its Jetty and XML libraries) stays out of the application's, and a test can kill it
 * outright. Arguments: port, directory, bucket. Prints {@value #READY} once it answers, and exits
 * when its standard input closes (the test JVM went away).
 */
public final class TestS3Main {
  public static final String READY = "test-s3-ready";

  private TestS3Main() {}

  public static void main(String[] args) throws IOException {
    TestS3 server = TestS3.on(Integer.parseInt(args[0]), Path.of(args[1]), args[2]);
    System.out.println(READY + " " + server.endpoint());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close our stdin
    }
    server.stop();
    System.exit(0);
  }
}
