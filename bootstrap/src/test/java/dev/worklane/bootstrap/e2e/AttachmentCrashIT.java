package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.bootstrap.e2e.PackagedApps.Worklane;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Uploads as a separate process sees them (the packaged jar on the embedded default, like {@code
 * CrashRecoveryIT}): a 200 MB file streams through an app started with {@code -Xmx256m} to storage
 * and back, processed READY with its SHA-256; then an upload is cut off by SIGKILL halfway, which
 * leaves a partial file on disk, and the restarted app's sweeper removes it while the finished
 * attachment stays. Runs after {@code package}, which builds {@code target/worklane.jar}.
 */
@ExtendWith(Traffic.class)
class AttachmentCrashIT {
  private static final Duration START_LIMIT = Duration.ofSeconds(150);
  private static final String PASSWORD = "correct horse battery staple";
  private static final String BOUNDARY = "crash-boundary";
  private static final long LARGE = 200L * 1024 * 1024;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path work;

  private PackagedApps apps;

  @BeforeEach
  void apps() {
    apps = new PackagedApps(work);
  }

  @Test
  void aLargeUploadStreamsUnderASmallHeapAndAKilledUploadIsSweptAfterTheRestart() throws Exception {
    Path dataDir = work.resolve("data");
    Worklane first = start(dataDir, "first");
    String token = managerToken(first, dataDir);
    String taskId = task(first.api(), token);

    // 200 MB of text through a 256 MB heap, streamed in and out.
    Api.Response created = upload(first, token, taskId, new TextStream(LARGE));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.data().get("sizeBytes").asLong()).isEqualTo(LARGE);
    String id = created.data().get("id").asString();
    JsonNode ready = awaitProcessed(first.api(), token, id);
    assertThat(ready.get("status").asString()).as(ready.toString()).isEqualTo("READY");
    String expected = sha256(new TextStream(LARGE));
    assertThat(ready.get("sha256").asString()).isEqualTo(expected);
    assertThat(downloadedSha256(first, ready.get("downloadUrl").asString())).isEqualTo(expected);
    assertThat(first.process().isAlive()).isTrue();

    // An upload in flight when the process dies: its partial file stays behind.
    Path attachments = dataDir.resolve("files/attachments").resolve(taskId);
    CountDownLatch halfway = new CountDownLatch(1);
    CompletableFuture<Void> inFlight =
        CompletableFuture.runAsync(
            () -> {
              try {
                upload(
                    first,
                    token,
                    taskId,
                    new StallingStream(new TextStream(LARGE), 32L << 20, halfway));
              } catch (RuntimeException expectedWhenKilled) {
                // the connection dies with the process
              }
            });
    await("a partial upload on disk")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !partials(attachments).isEmpty());
    first.process().destroyForcibly();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    halfway.countDown();
    inFlight.get(30, TimeUnit.SECONDS);
    assertThat(partials(attachments)).as("left by the SIGKILL").isNotEmpty();

    Worklane second = start(dataDir, "second");
    await("the sweeper removed the partial upload")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> partials(attachments).isEmpty());
    assertThat(files(attachments)).extracting(p -> p.getFileName().toString()).containsExactly(id);
    Api.Response after = second.api().get("/api/v2/attachments/" + id, token);
    assertThat(after.status()).as(after.toString()).isEqualTo(200);
    assertThat(after.data().get("status").asString()).isEqualTo("READY");
  }

  private Api.Response upload(Worklane app, String token, String taskId, InputStream content) {
    InputStream body =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    new ByteArrayInputStream(
                        ("--"
                                + BOUNDARY
                                + "\r\nContent-Disposition: form-data; name=\"file\";"
                                + " filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII)),
                    content,
                    new ByteArrayInputStream(
                        ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)))));
    return app.api()
        .call("POST", "/api/v2/tasks/" + taskId + "/attachments")
        .bearer(token)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .body(HttpRequest.BodyPublishers.ofInputStream(() -> body))
        .send();
  }

  private static JsonNode awaitProcessed(Api api, String token, String id) {
    JsonNode[] last = new JsonNode[1];
    await("attachment processed")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              last[0] = api.get("/api/v2/attachments/" + id, token).data();
              return !"PENDING".equals(last[0].get("status").asString());
            });
    return last[0];
  }

  private static String downloadedSha256(Worklane app, String url) throws Exception {
    URI signed = URI.create(url);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + app.port()
                        + signed.getRawPath()
                        + "?"
                        + signed.getRawQuery()))
            .timeout(Duration.ofMinutes(2))
            .build();
    HttpResponse<InputStream> response =
        CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream in = response.body()) {
      return sha256(in);
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static List<Path> partials(Path dir) throws IOException {
    return files(dir).stream().filter(p -> p.getFileName().toString().endsWith(".part")).toList();
  }

  /** A manager (project:create) registered through the API; the role given in the database. */
  private static String managerToken(Worklane app, Path dataDir) throws Exception {
    String email = "files@example.com";
    Api.Response registered =
        app.api()
            .postJson(
                "/api/v1/auth/register",
                """
                {"email":"%s","password":"%s"}"""
                    .formatted(email, PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    List<String> postmaster = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
    String url = "jdbc:postgresql://localhost:" + postmaster.get(3).trim() + "/worklane";
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement grant =
            connection.prepareStatement(
                "insert into user_roles(user_id, role) values (?::uuid, 'MANAGER')")) {
      grant.setString(1, registered.data().get("id").asString());
      grant.executeUpdate();
    }
    Api.Response login =
        app.api()
            .postJson(
                "/api/v1/auth/login",
                """
                {"email":"%s","password":"%s"}"""
                    .formatted(email, PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.data().get("accessToken").asString();
  }

  private static String task(Api api, String token) {
    Api.Response project =
        api.postJson("/api/v1/projects", "{\"key\":\"FILES\",\"name\":\"Files\"}", token);
    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    Api.Response task =
        api.postJson(
            "/api/v1/projects/" + project.data().get("id").asString() + "/tasks",
            "{\"title\":\"Large files\"}",
            token);
    assertThat(task.status()).as(task.toString()).isEqualTo(201);
    return task.data().get("id").asString();
  }

  @AfterEach
  void stopEverything() throws Exception {
    apps.stopAll(work.resolve("data"));
  }

  private Worklane start(Path dataDir, String name) throws IOException {
    return apps.start(
        dataDir,
        name,
        "256m",
        START_LIMIT,
        Map.of(
            "WORKLANE_RATE_LIMIT_ENABLED",
            "false",
            "WORKLANE_MAX_UPLOAD",
            "300MB",
            // The sweeper's clocks shortened so the test sees it work: objects without a row go
            // after 3 s.
            "WORKLANE_ATTACHMENT_ORPHAN_GRACE",
            "3s",
            "WORKLANE_ATTACHMENT_SWEEP_INTERVAL",
            "1s"));
  }

  /** {@code length} bytes of numbered ASCII lines, the same every time, made as they are read. */
  static final class TextStream extends InputStream {
    private final long length;
    private long position;
    private byte[] line = new byte[0];
    private int inLine;
    private long lineNumber;

    TextStream(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      if (position >= length) {
        return -1;
      }
      int n = 0;
      while (n < count && position < length) {
        if (inLine == line.length) {
          line =
              ("line %012d of a large attachment, streamed and never buffered\n"
                      .formatted(lineNumber++))
                  .getBytes(StandardCharsets.US_ASCII);
          inLine = 0;
        }
        int take = (int) Math.min(Math.min(count - n, line.length - inLine), length - position);
        System.arraycopy(line, inLine, buffer, offset + n, take);
        inLine += take;
        n += take;
        position += take;
      }
      return n;
    }
  }

  /** Passes {@code after} bytes of {@code in}, then waits for {@code release} (the kill). */
  static final class StallingStream extends InputStream {
    private final InputStream in;
    private final long after;
    private final CountDownLatch release;
    private long passed;

    StallingStream(InputStream in, long after, CountDownLatch release) {
      this.in = in;
      this.after = after;
      this.release = release;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (passed >= after) {
        try {
          release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("the upload stops here");
      }
      int n = in.read(buffer, offset, (int) Math.min(count, after - passed));
      passed += Math.max(0, n);
      return n;
    }
  }
}
