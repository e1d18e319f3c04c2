package dev.worklane.bootstrap.e2e;

import static dev.worklane.bootstrap.e2e.SessionIT.withSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The queue dashboard's JSON API and page over real HTTP against the real engine: admin browser
 * sessions only, CSRF on every unsafe request, 400/404/409 problems for mistakes.
 */
class QueueDashboardIT extends QueueDashboardTest {
  static final String QUEUE = FlakyJobs.QUEUE;

  String admin;
  String csrf;

  @BeforeEach
  void logInAsAdmin() {
    admin = sessionOf(adminAccount());
    csrf = csrfTokenOf(admin);
  }

  @Test
  void anAdminSessionListsEveryQueueWithItsCountsPerState() {
    Api.Response response = asAdmin("GET", "/queues").send();

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().at("/meta/requestId").asString())
        .isEqualTo(response.header("X-Request-Id"));
    List<String> names = new ArrayList<>();
    for (JsonNode queue : response.data()) {
      names.add(queue.get("name").asString());
      assertThat(queue.get("paused").isBoolean()).isTrue();
      assertThat(queue.get("concurrency").asInt()).isPositive();
      assertThat(queue.get("counts").propertyNames())
          .containsExactly("waiting", "delayed", "active", "completed", "failed");
    }
    assertThat(names).containsExactlyInAnyOrder("default", "email", "high-priority");
  }

  @Test
  void thePageIsServedToAdminsUnderAStrictContentSecurityPolicy() {
    for (String path : List.of("/admin/queues", "/admin/queues/")) {
      Api.Response page = withSession(api().call("GET", path), admin).send();
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.body())
          .contains("data-testid=\"queues\"", "src=\"/admin/queues/dashboard.js\"")
          .doesNotContain("<script>");
      assertThat(page.header("Content-Security-Policy"))
          .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.header("Cache-Control")).contains("no-store");
    }
    Api.Response script =
        withSession(api().call("GET", "/admin/queues/dashboard.js"), admin).send();
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).contains("javascript");
    assertThat(script.body()).contains("X-XSRF-TOKEN").doesNotContain("innerHTML");
    assertThat(withSession(api().call("GET", "/admin/queues/dashboard.css"), admin).send().status())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"USER", "MANAGER"})
  void aSessionWithoutTheAdminRoleIsForbidden(String role) {
    String email = uniqueEmail();
    String id = register(email); // USER
    if (!"USER".equals(role)) {
      jdbc.update("insert into user_roles(user_id, role) values (?::uuid, ?)", id, role);
    }
    String session = sessionOf(email);
    String token = csrfTokenOf(session);

    assertProblem(
        withSession(api().call("GET", ADMIN_API + "/queues"), session).send(), 403, "FORBIDDEN");
    assertProblem(
        withSession(api().call("GET", "/admin/queues"), session).send(), 403, "FORBIDDEN");
    assertProblem(
        withSession(api().call("POST", ADMIN_API + "/queues/" + QUEUE + "/pause"), session)
            .header("X-XSRF-TOKEN", token)
            .send(),
        403,
        "FORBIDDEN");
    assertThat(queue(QUEUE).get("paused").asBoolean()).isFalse();
  }

  @Test
  void bearerTokensAreRefusedEvenAnAdminsAndEvenBesideASession() {
    String email = adminAccount();
    String token = login(email).get("accessToken").asString();

    assertProblem(api().get(ADMIN_API + "/queues", token), 401, "SESSION_REQUIRED");
    assertProblem(api().get("/admin/queues", token), 401, "SESSION_REQUIRED");
    assertProblem(asAdmin("GET", "/queues").bearer(token).send(), 401, "SESSION_REQUIRED");
    assertThat(api().get("/api/v1/users/me", token).status())
        .as("the token itself is fine for the API")
        .isEqualTo(200);
  }

  @Test
  void withoutASessionTheApiAnswers401AndThePageSendsTheBrowserToTheLoginForm() {
    assertProblem(api().get(ADMIN_API + "/queues", null), 401, "UNAUTHENTICATED");
    for (String page : List.of("/admin/queues", "/admin/queues/")) {
      Api.Response redirect = api().get(page, null);
      assertThat(redirect.status()).as(page).isEqualTo(302);
      assertThat(redirect.header("Location")).endsWith("/admin/login");
    }
    Api.Response login = api().get("/admin/login", null);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Content-Type")).startsWith("text/html");
    assertThat(login.body()).contains("data-testid=\"login-form\"");
    assertThat(login.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(api().get("/admin/login/login.js", null).status()).isEqualTo(200);
    assertProblem(
        api().call("POST", "/admin/queues").send(), 403, "CSRF_REJECTED"); // not a redirect
    assertProblem(api().get("/admin/queues/dashboard.js", null), 401, "UNAUTHENTICATED");
    assertProblem(
        withSession(api().call("GET", ADMIN_API + "/queues"), "forged-session-id").send(),
        401,
        "UNAUTHENTICATED");
  }

  @Test
  void unsafeRequestsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
    assertProblem(asAdmin("POST", "/queues/" + QUEUE + "/pause").send(), 403, "CSRF_REJECTED");
    assertProblem(
        asAdmin("POST", "/queues/" + QUEUE + "/pause").header("X-XSRF-TOKEN", "forged").send(),
        403,
        "CSRF_REJECTED");
    assertProblem(
        asAdmin("POST", "/queues/" + QUEUE + "/clean-completed").send(), 403, "CSRF_REJECTED");
    assertProblem(asAdmin("DELETE", "/queues/" + QUEUE + "/jobs/any").send(), 403, "CSRF_REJECTED");
    assertThat(queue(QUEUE).get("paused").asBoolean()).isFalse();
  }

  @Test
  void aBadStateOrPageIs400NamingTheParameter() {
    String jobs = "/queues/" + QUEUE + "/jobs";
    assertValidation(asAdmin("GET", jobs + "?state=paused").send(), "state");
    assertValidation(asAdmin("GET", jobs).send(), "state");
    assertValidation(asAdmin("GET", jobs + "?state=failed&page=0").send(), "page");
    assertValidation(asAdmin("GET", jobs + "?state=failed&page=abc").send(), "page");
    assertValidation(asAdmin("GET", jobs + "?state=failed&perPage=101").send(), "perPage");

    Api.Response ok = asAdmin("GET", jobs + "?state=FAILED&page=1&perPage=5").send();
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().at("/meta/page").asInt()).isEqualTo(1);
    assertThat(ok.json().at("/meta/perPage").asInt()).isEqualTo(5);
    assertThat(ok.json().at("/meta/total").isNumber()).isTrue();
  }

  @Test
  void garbageJobIdsAre400NeverServerErrors() {
    String job = "/queues/" + QUEUE + "/jobs/";
    assertValidation(asAdmin("GET", job + "k".repeat(201)).send(), "jobId");
    assertValidation(asAdmin("GET", job + "%C2%85").send(), "jobId");
    assertValidation(unsafe("POST", job + "k".repeat(201) + "/retry").send(), "jobId");
    // What Spring Security's firewall refuses before any controller: still a 400 problem.
    for (String raw : List.of("%0A", "%E2%80%A8", "%25", "a%3Bb")) {
      Api.Response response = asAdmin("GET", job + raw).send();
      assertThat(response.status()).as(raw + ": " + response).isEqualTo(400);
      assertThat(response.header("Content-Type")).as(raw).startsWith("application/problem+json");
    }
    // Tomcat refuses a NUL or an encoded slash in the path itself, before the application runs.
    for (String raw : List.of("%00", "a%2Fb", "..%2F..")) {
      Api.Response response = asAdmin("GET", job + raw).send();
      assertThat(response.status()).as(raw + ": " + response).isEqualTo(400);
      assertThat(response.body()).doesNotContain("Exception", "at org.", "at dev.");
    }
  }

  @Test
  void anUnknownQueueOrJobIs404() {
    assertProblem(asAdmin("GET", "/queues/nope/jobs?state=failed").send(), 404, "NOT_FOUND");
    assertProblem(unsafe("POST", "/queues/nope/pause").send(), 404, "NOT_FOUND");
    assertProblem(
        asAdmin("GET", "/queues/" + QUEUE + "/jobs/no-such-job").send(), 404, "NOT_FOUND");
    assertProblem(
        unsafe("POST", "/queues/" + QUEUE + "/jobs/no-such-job/retry").send(), 404, "NOT_FOUND");
    assertProblem(
        unsafe("DELETE", "/queues/" + QUEUE + "/jobs/no-such-job").send(), 404, "NOT_FOUND");
  }

  @Test
  void aFailedJobShowsItsStackTraceAndLogsAndIsRetriedOnce() {
    String id = FlakyJobs.failingId();
    FlakyJobs.enqueue(jobs, id, Duration.ZERO);
    awaitState(id, "failed");

    JsonNode job = job(id);
    assertThat(job.get("type").asString()).isEqualTo(FlakyJobs.TYPE);
    assertThat(job.get("attemptsMade").asInt()).isEqualTo(1);
    assertThat(job.get("maxAttempts").asInt()).isEqualTo(1);
    assertThat(job.get("failedReason").asString()).contains("failed on purpose");
    assertThat(job.get("stacktrace").asString()).contains("IllegalStateException");
    assertThat(job.get("logs").toString()).contains("attempt 1 of 1");
    assertThat(job.at("/data/note").asString()).isEqualTo("<script>alert(1)</script>");
    assertThat(failedIds()).contains(id);

    FlakyJobs.heal(id);
    Api.Response retry = unsafe("POST", "/queues/" + QUEUE + "/jobs/" + id + "/retry").send();
    assertThat(retry.status()).as(retry.toString()).isEqualTo(204);
    awaitState(id, "completed");
    assertThat(job(id).get("progress").asInt()).isEqualTo(100);

    assertProblem(
        unsafe("POST", "/queues/" + QUEUE + "/jobs/" + id + "/retry").send(),
        409,
        "JOB_STATE_CONFLICT");
  }

  @Test
  void aDelayedJobCannotBeRetriedButCanBePromotedAndThenRemoved() {
    String id = FlakyJobs.failingId();
    FlakyJobs.heal(id);
    FlakyJobs.enqueue(jobs, id, Duration.ofHours(1));
    awaitState(id, "delayed");

    assertProblem(
        unsafe("POST", "/queues/" + QUEUE + "/jobs/" + id + "/retry").send(),
        409,
        "JOB_STATE_CONFLICT");
    Api.Response promote = unsafe("POST", "/queues/" + QUEUE + "/jobs/" + id + "/promote").send();
    assertThat(promote.status()).as(promote.toString()).isEqualTo(204);
    awaitState(id, "completed");
    assertProblem(
        unsafe("POST", "/queues/" + QUEUE + "/jobs/" + id + "/promote").send(),
        409,
        "JOB_STATE_CONFLICT");

    Api.Response remove = unsafe("DELETE", "/queues/" + QUEUE + "/jobs/" + id).send();
    assertThat(remove.status()).as(remove.toString()).isEqualTo(204);
    assertProblem(asAdmin("GET", "/queues/" + QUEUE + "/jobs/" + id).send(), 404, "NOT_FOUND");
  }

  @Test
  void retryAllFailedAndCleanCompletedSayHowManyJobsTheyTouched() {
    List<String> ids = List.of(FlakyJobs.failingId(), FlakyJobs.failingId());
    ids.forEach(id -> FlakyJobs.enqueue(jobs, id, Duration.ZERO));
    ids.forEach(id -> awaitState(id, "failed"));
    ids.forEach(FlakyJobs::heal);

    Api.Response retried = unsafe("POST", "/queues/" + QUEUE + "/retry-failed").send();
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.data().get("count").asLong()).isGreaterThanOrEqualTo(2);
    ids.forEach(id -> awaitState(id, "completed"));

    Api.Response cleaned = unsafe("POST", "/queues/" + QUEUE + "/clean-completed").send();
    assertThat(cleaned.status()).as(cleaned.toString()).isEqualTo(200);
    assertThat(cleaned.data().get("count").asLong()).isGreaterThanOrEqualTo(2);
    for (String id : ids) {
      assertProblem(asAdmin("GET", "/queues/" + QUEUE + "/jobs/" + id).send(), 404, "NOT_FOUND");
    }
  }

  @Test
  void pauseAndResumeShowOnTheOverview() {
    String queue = "high-priority";
    try {
      assertThat(unsafe("POST", "/queues/" + queue + "/pause").send().status()).isEqualTo(204);
      assertThat(queue(queue).get("paused").asBoolean()).isTrue();
    } finally {
      assertThat(unsafe("POST", "/queues/" + queue + "/resume").send().status()).isEqualTo(204);
    }
    assertThat(queue(queue).get("paused").asBoolean()).isFalse();
  }

  private Api.Call asAdmin(String method, String path) {
    return withSession(api().call(method, ADMIN_API + path), admin);
  }

  private Api.Call unsafe(String method, String path) {
    return asAdmin(method, path).header("X-XSRF-TOKEN", csrf);
  }

  private JsonNode queue(String name) {
    for (JsonNode queue : asAdmin("GET", "/queues").send().data()) {
      if (queue.get("name").asString().equals(name)) {
        return queue;
      }
    }
    throw new AssertionError("no queue " + name);
  }

  private JsonNode job(String id) {
    Api.Response response = asAdmin("GET", "/queues/" + QUEUE + "/jobs/" + id).send();
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.data();
  }

  private void awaitState(String id, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(job(id).get("state").asString()).isEqualTo(state));
  }

  private List<String> failedIds() {
    Api.Response page =
        asAdmin("GET", "/queues/" + QUEUE + "/jobs?state=failed&perPage=100").send();
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.data().forEach(job -> ids.add(job.get("id").asString()));
    return ids;
  }

  private static void assertValidation(Api.Response response, String field) {
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(field);
  }
}
