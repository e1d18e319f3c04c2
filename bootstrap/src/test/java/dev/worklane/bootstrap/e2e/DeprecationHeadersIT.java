package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** RFC 9745 / RFC 8594 headers on every v1 response, errors from filters included; none on v2. */
class DeprecationHeadersIT extends ProjectsE2eTest {
  static final LocalDate DEPRECATION = LocalDate.parse("2026-12-01");
  static final String DEPRECATION_HEADER =
      "@" + DEPRECATION.atStartOfDay(ZoneOffset.UTC).toEpochSecond();

  @Test
  void everyV1ResponseIsMarkedDeprecatedWithItsSuccessor() {
    Account owner = account("MANAGER");
    String id = createProject(owner).get("id").asString();
    String task = createTask(owner, id, "t").get("id").asString();

    assertDeprecated(api().get("/api/v1/projects/" + id, owner.token()), "/api/v2/projects/" + id);
    assertDeprecated(
        api().get("/api/v1/projects/" + id + "/tasks", owner.token()),
        "/api/v2/projects/" + id + "/tasks");
    assertDeprecated(api().get("/api/v1/tasks/" + task, owner.token()), "/api/v2/tasks/" + task);
    // errors: 401 from the security filters, 403 and 404 from the use cases, 400 from validation
    assertDeprecated(api().get("/api/v1/projects", null), "/api/v2/projects");
    assertDeprecated(
        api().get("/api/v1/tasks/00000000-0000-4000-8000-000000000000", owner.token()),
        "/api/v2/tasks/00000000-0000-4000-8000-000000000000");
    assertDeprecated(api().get("/api/v1/projects?perPage=abc", owner.token()), "/api/v2/projects");
    assertDeprecated(api().get("/api/v1/users", owner.token()), null);
    assertThat(api().get("/api/v1/users", owner.token()).status()).isEqualTo(403);
    assertDeprecated(api().get("/api/v1/users/me", owner.token()), "/api/v2/users/me");
    // v1-only endpoints: deprecated, but no v2 successor to link to
    assertDeprecated(api().postJson("/api/v1/users/me/password", "{}", owner.token()), null);
    assertDeprecated(api().get("/api/v1/nothing-here", owner.token()), null);
  }

  @Test
  void v2ResponsesCarryNoDeprecationHeaders() {
    Account owner = account("MANAGER");
    String id = createProject(owner).get("id").asString();
    for (Api.Response response :
        new Api.Response[] {
          api().get("/api/v2/projects/" + id, owner.token()),
          api().get("/api/v2/projects", null),
          api().get("/api/v2/tasks/00000000-0000-4000-8000-000000000000", owner.token())
        }) {
      assertThat(response.header("Deprecation")).as(response.toString()).isNull();
      assertThat(response.header("Sunset")).isNull();
      assertThat(response.header("Link")).isNull();
    }
  }

  private static void assertDeprecated(Api.Response response, String successor) {
    assertThat(response.header("Deprecation"))
        .as(response.toString())
        .isEqualTo(DEPRECATION_HEADER);
    String sunset = response.header("Sunset");
    ZonedDateTime sunsetAt =
        ZonedDateTime.parse(
            sunset,
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC));
    assertThat(sunsetAt.toLocalDate()).isAfterOrEqualTo(DEPRECATION.plusMonths(6));
    if (successor == null) {
      assertThat(response.header("Link")).isNull();
    } else {
      assertThat(response.header("Link"))
          .isEqualTo("<" + successor + ">; rel=\"successor-version\"");
    }
  }
}
