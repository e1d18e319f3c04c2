package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reports on S3 ({@code WORKLANE_STORAGE_TYPE=s3}) against a real S3-protocol server in a process
 * of its own: the CSV of unknown length goes up as S3 writes it and comes down through S3's own
 * presigned URL; a storage outage fails the attempt, which is retried and succeeds once the store
 * is back; an outage that outlasts every attempt fails the report with the storage reason and
 * emails the requester.
 */
@TestPropertySource(
    properties = {
      "worklane.storage.type=s3",
      "worklane.storage.s3.bucket=" + S3ServerProcess.BUCKET,
      "worklane.storage.s3.path-style=true",
      "worklane.storage.s3.region=us-east-1",
      "worklane.storage.s3.timeout=5s"
    })
class ReportsOnS3IT extends ProjectsE2eTest {
  static final S3ServerProcess S3 = new S3ServerProcess();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static {
    S3.start();
    System.setProperty("aws.accessKeyId", S3ServerProcess.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ServerProcess.SECRET_KEY);
  }

  final Mailbox mailbox = new Mailbox(DATA_DIR);

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    registry.add("worklane.storage.s3.endpoint", S3::endpoint);
  }

  @AfterAll
  static void stopS3() {
    S3.close();
  }

  record Requested(Account manager, String key, String location) {}

  /** A manager's project with {@code tasks} tasks, and a report of it requested (202). */
  Requested requestReport(int tasks) {
    Account manager = account("MANAGER");
    JsonNode project = createProject(manager);
    String projectId = project.get("id").asString();
    for (int n = 1; n <= tasks; n++) {
      createTask(manager, projectId, n == 1 ? "=1+1, \\\"quoted\\\"" : "Task " + n);
    }
    Api.Response accepted =
        api()
            .postJson(
                "/api/v2/projects/" + projectId + "/reports",
                "{\"format\":\"CSV\"}",
                manager.token());
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return new Requested(manager, project.get("key").asString(), accepted.header("Location"));
  }

  JsonNode awaitDone(Requested report, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api().get(report.location(), report.manager().token()).data(),
            data -> List.of("READY", "FAILED").contains(data.get("status").asString()));
  }

  double retriedAttempts() {
    return contextMeters
        .find("worklane.queue.jobs.retried")
        .tag("queue", "default")
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  @Test
  void theCsvGoesToS3AndComesDownThroughS3sPresignedUrlAsAnAttachment()
      throws IOException, InterruptedException {
    Requested report = requestReport(3);

    JsonNode ready = awaitDone(report, Duration.ofSeconds(30));

    assertThat(ready.get("status").asString()).isEqualTo("READY");
    URI url = URI.create(ready.get("downloadUrl").asString());
    assertThat(url.toString())
        .startsWith(S3.endpoint() + "/" + S3ServerProcess.BUCKET + "/reports/");
    HttpResponse<String> download =
        HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .contains(report.key() + "-tasks-");
    assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat((long) download.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isEqualTo(ready.get("sizeBytes").asLong());
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.RFC4180.parse(new StringReader(download.body().substring(1)))) {
      records = parser.getRecords();
    }
    assertThat(records).hasSize(4);
    assertThat(records.get(1).get(1)).isEqualTo("'=1+1, \"quoted\"");
  }

  @Test
  void anOutageFailsTheAttemptAndTheRetryWritesTheReportOnceTheStoreIsBack() {
    double retriedBefore = retriedAttempts();
    S3.kill();
    Requested report;
    try {
      report = requestReport(2);
      await().atMost(Duration.ofSeconds(30)).until(() -> retriedAttempts() > retriedBefore);
      JsonNode meanwhile = api().get(report.location(), report.manager().token()).data();
      assertThat(meanwhile.get("status").asString())
          .as("a retried attempt does not fail the report")
          .isIn("QUEUED", "RUNNING");
      assertThat(meanwhile.get("downloadUrl").isNull()).isTrue();
    } finally {
      S3.start();
    }

    JsonNode ready = awaitDone(report, Duration.ofSeconds(60));

    assertThat(ready.get("status").asString()).isEqualTo("READY");
    assertThat(ready.get("rowCount").asLong()).isEqualTo(2);
  }

  @Test
  void anOutageThatOutlastsEveryAttemptFailsTheReportAndTellsTheRequester() {
    S3.kill();
    Requested report;
    JsonNode failed;
    try {
      report = requestReport(1);
      // three attempts, 5 s and 15 s apart
      failed = awaitDone(report, Duration.ofSeconds(90));
    } finally {
      S3.start();
    }

    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("error").asString())
        .isEqualTo("File storage was unavailable; please request the report again later.");
    assertThat(failed.get("downloadUrl").isNull()).isTrue();
    assertThat(failed.get("completedAt").isNull()).isFalse();
    List<Mailbox.Mail> mails =
        mailbox.awaitMail(
            report.manager().email(), "Your Worklane report could not be generated", 1);
    assertThat(mails.getFirst().text())
        .contains("File storage was unavailable")
        .contains(report.location())
        .doesNotContain(S3ServerProcess.SECRET_KEY)
        .doesNotContain("127.0.0.1");
  }
}
