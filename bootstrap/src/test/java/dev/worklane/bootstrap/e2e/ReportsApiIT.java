package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.application.service.report.ReportRetention;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #13 §7 end to end, v1 and v2: a manager requests a report (202 + Location), the {@code
 * report.generate} job on the {@code default} queue writes the CSV to the local-disk store, the
 * report's GET shows progress and, once READY, a signed URL that downloads it as an attachment; the
 * requester gets an email through the email queue; members without report:generate are 403,
 * outsiders 404; after the retention the report is gone and its object removed.
 */
class ReportsApiIT extends ProjectsE2eTest {
  static final String HOSTILE = "=HYPERLINK(\"https://evil.example\",\"click\")";

  @Autowired ReportRetention retention;

  final Mailbox mailbox = new Mailbox(DATA_DIR);

  /** A project owned by a manager, with a member called "@Ada" and tasks with awkward titles. */
  record World(Account manager, Account member, JsonNode project) {
    String id() {
      return project.get("id").asString();
    }

    String key() {
      return project.get("key").asString();
    }
  }

  World world() {
    Account manager = account("MANAGER");
    Account member = account("USER");
    JsonNode project = createProject(manager);
    addMember(manager, project.get("id").asString(), member);
    Api.Response renamed =
        patch(
            "/api/v1/users/me",
            member.token(),
            null,
            "{\"displayName\":\"@Ada, \\\"the\\\" first\"}");
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    return new World(manager, member, project);
  }

  JsonNode task(World world, String title, String extraJson) {
    Api.Response created =
        api()
            .postJson(
                "/api/v1/projects/" + world.id() + "/tasks",
                "{\"title\":" + Api.JSON.writeValueAsString(title) + extraJson + "}",
                world.manager().token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.data();
  }

  Api.Response request(String version, World world, Account caller, String body) {
    return api()
        .postJson("/api/" + version + "/projects/" + world.id() + "/reports", body, caller.token());
  }

  /** Polls the report until it is READY (or FAILED) and returns its data. */
  JsonNode awaitDone(String location, String token) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Api.Response response = api().get(location, token);
              assertThat(response.status()).as(response.toString()).isEqualTo(200);
              return response.data();
            },
            data -> List.of("READY", "FAILED").contains(data.get("status").asString()));
  }

  /** The signed URL points at this Worklane's public URL; the test server listens elsewhere. */
  Api.Response download(JsonNode report) {
    URI url = URI.create(report.get("downloadUrl").asString());
    assertThat(url.getPath()).startsWith("/files/download/reports/");
    return api().get(url.getRawPath() + "?" + url.getRawQuery(), null);
  }

  static List<CSVRecord> parse(String body) throws IOException {
    assertThat(body).as("UTF-8 with a byte order mark, for Excel").startsWith("\uFEFF");
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(body.substring(1)))) {
      return parser.getRecords();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void aManagerRequestsAReportAndDownloadsItsCsvThroughTheSignedUrl(String version)
      throws IOException {
    World world = world();
    task(world, HOSTILE, ",\"assigneeId\":\"" + world.member().id() + "\"");
    task(world, "Zoë's \"big\", day 東京 🚀", ",\"priority\":\"URGENT\",\"dueDate\":\"2026-12-24\"");
    task(world, "-2+3", "");
    task(world, "@SUM(A1:A2)", "");
    task(world, "+33 6 12 34 56 78", "");

    Api.Response accepted = request(version, world, world.manager(), "{\"format\":\"CSV\"}");

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.data().get("id").asString();
    String location = "/api/" + version + "/reports/" + id;
    assertThat(accepted.header("Location")).isEqualTo(location);
    assertThat(accepted.data().get("status").asString()).isIn("QUEUED", "RUNNING", "READY");
    assertThat(accepted.data().get("format").asString()).isEqualTo("CSV");
    assertThat(accepted.data().get("downloadUrl").isNull()).isTrue();

    JsonNode ready = awaitDone(location, world.manager().token());

    assertThat(ready.get("status").asString()).isEqualTo("READY");
    assertThat(ready.get("progress").asInt()).isEqualTo(100);
    assertThat(ready.get("rowCount").asLong()).isEqualTo(5);
    assertThat(ready.get("error").isNull()).isTrue();
    Instant completed = Instant.parse(ready.get("completedAt").asString());
    assertThat(Instant.parse(ready.get("expiresAt").asString()))
        .isEqualTo(completed.plus(Duration.ofDays(7)));
    assertThat(Instant.parse(ready.get("downloadUrlExpiresAt").asString()))
        .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plusSeconds(3601));

    Api.Response file = download(ready);
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    // Tomcat writes the parameter without the space
    assertThat(file.header("Content-Type").replace(" ", "")).isEqualTo("text/csv;charset=utf-8");
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(file.header("Content-Disposition"))
        .startsWith("attachment;")
        .contains(world.key() + "-tasks-" + day + ".csv");
    assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(Long.parseLong(file.header("Content-Length")))
        .isEqualTo(ready.get("sizeBytes").asLong());

    List<CSVRecord> records = parse(file.body());
    assertThat(records).hasSize(6);
    assertThat(records.getFirst().toList())
        .containsExactly(
            "Key",
            "Title",
            "Status",
            "Priority",
            "Assignee",
            "Reporter",
            "Due date",
            "Created",
            "Updated");
    CSVRecord first = records.get(1);
    assertThat(first.get(0)).isEqualTo(world.key() + "-1");
    assertThat(first.get(1)).as("neutralised, read back as text").isEqualTo("'" + HOSTILE);
    assertThat(first.get(2)).isEqualTo("TODO");
    assertThat(first.get(4)).isEqualTo("'@Ada, \"the\" first");
    CSVRecord second = records.get(2);
    assertThat(second.get(1)).isEqualTo("Zoë's \"big\", day 東京 🚀");
    assertThat(second.get(3)).isEqualTo("URGENT");
    assertThat(second.get(6)).isEqualTo("2026-12-24");
    assertThat(records.get(3).get(1)).isEqualTo("'-2+3");
    assertThat(records.get(4).get(1)).isEqualTo("'@SUM(A1:A2)");
    assertThat(records.get(5).get(1)).isEqualTo("'+33 6 12 34 56 78");
    assertThat(file.body())
        .as("the raw cells: quoted, quotes doubled, prefixed")
        .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",")
        .contains(",\"Zoë's \"\"big\"\", day 東京 🚀\",")
        .contains("\r\n");

    List<Mailbox.Mail> mails =
        mailbox.awaitMail(world.manager().email(), "Your Worklane report is ready", 1);
    assertThat(mails.getFirst().text())
        .contains("/api/v2/reports/" + id)
        .doesNotContain("signature=");
  }

  @Test
  void filtersSelectTheTasksInEachVersionsSpelling() throws IOException {
    World world = world();
    String done = task(world, "Done one", "").get("id").asString();
    task(world, "Still open", ",\"assigneeId\":\"" + world.member().id() + "\"");
    Api.Response moved =
        patch("/api/v2/tasks/" + done, world.manager().token(), "\"0\"", "{\"status\":\"done\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

    Api.Response v2 =
        request(
            "v2", world, world.manager(), "{\"format\":\"CSV\",\"filters\":{\"status\":\"done\"}}");
    assertThat(v2.status()).as(v2.toString()).isEqualTo(202);
    assertThat(v2.data().at("/filters/status").asString()).isEqualTo("done");
    JsonNode doneReport = awaitDone(v2.header("Location"), world.manager().token());
    List<CSVRecord> doneRows = parse(download(doneReport).body());
    assertThat(doneRows).hasSize(2);
    assertThat(doneRows.get(1).get(1)).isEqualTo("Done one");

    Api.Response v1 =
        request(
            "v1",
            world,
            world.manager(),
            "{\"format\":\"CSV\",\"filters\":{\"status\":\"TODO\",\"assigneeId\":\""
                + world.member().id()
                + "\"}}");
    assertThat(v1.status()).as(v1.toString()).isEqualTo(202);
    assertThat(v1.data().at("/filters/status").asString()).isEqualTo("TODO");
    List<CSVRecord> mine =
        parse(download(awaitDone(v1.header("Location"), world.manager().token())).body());
    assertThat(mine).hasSize(2);
    assertThat(mine.get(1).get(1)).isEqualTo("Still open");
  }

  @Test
  void aMemberWithoutTheManagerRoleIsForbiddenAndAnOutsiderLearnsNothing() {
    World world = world();
    Account outsider = account("MANAGER");

    assertProblem(request("v2", world, world.member(), "{\"format\":\"CSV\"}"), 403, "FORBIDDEN");
    assertProblem(request("v1", world, outsider, "{\"format\":\"CSV\"}"), 404, "NOT_FOUND");

    Api.Response accepted = request("v2", world, world.manager(), "{\"format\":\"CSV\"}");
    String location = accepted.header("Location");
    assertProblem(api().get(location, outsider.token()), 404, "NOT_FOUND");
    assertProblem(api().get(location, world.member().token()), 404, "NOT_FOUND");
    assertProblem(
        api().get("/api/v2/reports/" + UUID.randomUUID(), world.manager().token()),
        404,
        "NOT_FOUND");
    Account admin = account("ADMIN");
    assertThat(api().get(location, admin.token()).status()).isEqualTo(200);
  }

  @Test
  void badRequestsAre400() {
    World world = world();

    assertProblem(
        request("v2", world, world.manager(), "{\"format\":\"PDF\"}"), 400, "TYPE_MISMATCH");
    assertProblem(request("v2", world, world.manager(), "{}"), 400, "VALIDATION_FAILED");
    assertProblem(
        request("v1", world, world.manager(), "{\"format\":\"CSV\",\"limit\":10}"),
        400,
        "UNKNOWN_PROPERTY");
    assertProblem(
        request(
            "v2", world, world.manager(), "{\"format\":\"CSV\",\"filters\":{\"status\":\"DONE\"}}"),
        400,
        "TYPE_MISMATCH");
  }

  @Test
  void anExpiredReportIsGoneAndTheSweepRemovesItsObjectAndRow() {
    World world = world();
    task(world, "Keep me briefly", "");
    Api.Response accepted = request("v2", world, world.manager(), "{\"format\":\"CSV\"}");
    String id = accepted.data().get("id").asString();
    JsonNode ready = awaitDone(accepted.header("Location"), world.manager().token());
    String signed = URI.create(ready.get("downloadUrl").asString()).getRawPath();
    Path object = DATA_DIR.resolve("files").resolve("reports").resolve(id + ".csv");
    assertThat(object).exists();

    jdbc.update(
        "update reports set expires_at = now() - interval '1 second' where id = ?::uuid", id);

    assertProblem(
        api().get(accepted.header("Location"), world.manager().token()), 404, "NOT_FOUND");
    assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.queryForObject("select count(*) from reports where id = ?::uuid", Long.class, id))
        .isZero();
    assertThat(Files.exists(object)).isFalse();
    assertThat(signed).endsWith("reports/" + id + ".csv");
    assertThat(contextMeters.get("worklane.reports.expired").counter().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theReportJobShowsOnTheQueueDashboardWithItsProgressAndMetersCountIt() {
    World world = world();
    task(world, "Counted", "");
    double before =
        contextMeters.get("worklane.reports.generated").tag("outcome", "ready").counter().count();
    Api.Response accepted = request("v2", world, world.manager(), "{\"format\":\"CSV\"}");
    String id = accepted.data().get("id").asString();
    awaitDone(accepted.header("Location"), world.manager().token());

    String admin = adminSession();
    JsonNode job =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    SessionIT.withSession(
                            api().call("GET", "/admin/queues/api/queues/default/jobs/report-" + id),
                            admin)
                        .send(),
                r -> r.status() == 200 && "completed".equals(r.data().get("state").asString()))
            .data();
    assertThat(job.get("type").asString()).isEqualTo("report.generate");
    assertThat(job.get("progress").asInt()).isEqualTo(100);
    assertThat(
            contextMeters
                .get("worklane.reports.generated")
                .tag("outcome", "ready")
                .counter()
                .count())
        .isGreaterThan(before);
    assertThat(
            contextMeters
                .get("worklane.reports.generation")
                .tag("outcome", "ready")
                .timer()
                .count())
        .isPositive();
  }

  private String adminSession() {
    Account admin = account("ADMIN");
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + admin.email() + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return SessionIT.cookie(login, "SESSION");
  }
}
