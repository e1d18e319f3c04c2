package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every cell of the permission table (README "Who may do what"), through HTTP: each row is one
 * permission exercised by one endpoint, each role is a caller who holds exactly that role. The
 * caller is a plain MEMBER (not owner) of the project where the permission is about a project, and
 * not a member at all of the project read for project:read-any. report:generate and queue:admin
 * have no endpoint yet (reports and the queue dashboard are later issues), so they have no row
 * here.
 */
@ExtendWith(OutputCaptureExtension.class)
class PermissionMatrixIT extends ProjectsE2eTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // permission,              USER, MANAGER, ADMIN
        Arguments.of("task:read", 200, 200, 200),
        Arguments.of("task:write", 201, 201, 201),
        Arguments.of("project:create", 403, 201, 201),
        Arguments.of("project:manage-members", 403, 201, 201),
        Arguments.of("project:read-any", 404, 404, 200),
        Arguments.of("project:read-any (its tasks)", 404, 404, 200),
        Arguments.of("user:manage (list)", 403, 403, 200),
        Arguments.of("user:manage (roles)", 403, 403, 200),
        Arguments.of("user:manage (disable)", 403, 403, 200));
  }

  static Stream<Arguments> cells() {
    String[] roles = {"USER", "MANAGER", "ADMIN"};
    return table()
        .flatMap(
            row -> {
              Object[] r = row.get();
              return Stream.of(0, 1, 2).map(i -> Arguments.of(r[0], roles[i], r[i + 1]));
            });
  }

  /**
   * One project with one plain member per role, and one project none of them belongs to, shared by
   * the cells: every account costs a BCrypt round, and the shared context's Redis checks must not
   * be starved by a test that only needs a few accounts.
   */
  private static Map<String, Account> callers;

  private static String projectId;
  private static String foreignProjectId;
  private static String foreignTaskId;

  @BeforeEach
  void createTheProjectsOnce() {
    if (callers != null) {
      return;
    }
    Account owner = account("MANAGER");
    projectId = createProject(owner).get("id").asString();
    foreignProjectId = createProject(owner).get("id").asString();
    foreignTaskId = createTask(owner, foreignProjectId, "Foreign").get("id").asString();
    Map<String, Account> byRole = new HashMap<>();
    for (String role : new String[] {"USER", "MANAGER", "ADMIN"}) {
      Account caller = account(role);
      addMember(owner, projectId, caller);
      byRole.put(role, caller);
    }
    callers = byRole;
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("cells")
  void everyCellOfThePermissionTable(
      String permission, String role, int expected, CapturedOutput output) {
    Account caller = callers.get(role);

    Api.Response response =
        switch (permission) {
          case "task:read" -> api().get("/api/v1/projects/" + projectId + "/tasks", caller.token());
          case "task:write" ->
              api()
                  .postJson(
                      "/api/v1/projects/" + projectId + "/tasks",
                      "{\"title\":\"Mine\"}",
                      caller.token());
          case "project:create" ->
              api()
                  .postJson(
                      "/api/v1/projects",
                      "{\"key\":\"" + uniqueKey() + "\",\"name\":\"P\"}",
                      caller.token());
          case "project:manage-members" ->
              api()
                  .postJson(
                      "/api/v1/projects/" + projectId + "/members",
                      "{\"userId\":\"" + register(uniqueEmail()) + "\"}",
                      caller.token());
          case "project:read-any" ->
              api().get("/api/v1/projects/" + foreignProjectId, caller.token());
          case "project:read-any (its tasks)" ->
              api().get("/api/v1/tasks/" + foreignTaskId, caller.token());
          case "user:manage (list)" -> api().get("/api/v1/users", caller.token());
          case "user:manage (roles)" ->
              patch(
                  "/api/v1/users/" + register(uniqueEmail()) + "/roles",
                  caller.token(),
                  null,
                  "{\"roles\":[\"MANAGER\"]}");
          case "user:manage (disable)" ->
              api()
                  .call("POST", "/api/v1/users/" + register(uniqueEmail()) + "/disable")
                  .bearer(caller.token())
                  .send();
          default -> throw new IllegalArgumentException(permission);
        };

    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    if (expected == 403) {
      assertProblem(response, 403, "FORBIDDEN");
      assertThat(output.getOut()).contains("authz_denied");
    }
    if (expected == 404) {
      // no existence leak: the same answer as for a project that does not exist
      assertProblem(response, 404, "NOT_FOUND");
    }
  }

  @Test
  void nonMembersGet404ForEveryResourceOfTheProjectAndForItsWrites() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    JsonNode task = createTask(owner, projectId, "Secret");
    String taskId = task.get("id").asString();
    Account stranger = account("MANAGER");

    for (String path :
        new String[] {
          "/api/v1/projects/" + projectId,
          "/api/v1/projects/" + projectId + "/members",
          "/api/v1/projects/" + projectId + "/tasks",
          "/api/v1/tasks/" + taskId,
          "/api/v2/projects/" + projectId,
          "/api/v2/tasks/" + taskId
        }) {
      assertProblem(api().get(path, stranger.token()), 404, "NOT_FOUND");
    }
    assertProblem(
        patch("/api/v1/tasks/" + taskId, stranger.token(), "\"0\"", "{\"title\":\"x\"}"),
        404,
        "NOT_FOUND");
    assertProblem(
        patch("/api/v1/projects/" + projectId, stranger.token(), null, "{\"name\":\"x\"}"),
        404,
        "NOT_FOUND");
    assertProblem(delete("/api/v1/projects/" + projectId, stranger.token()), 404, "NOT_FOUND");
  }

  @Test
  void anAdminReadsAnyProjectButDoesNotWriteInOnesItIsNoMemberOf() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    Account admin = account("ADMIN");
    assertThat(api().get("/api/v1/projects/" + projectId + "/tasks", admin.token()).status())
        .isEqualTo(200);
    assertProblem(
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks", "{\"title\":\"x\"}", admin.token()),
        403,
        "FORBIDDEN");
  }
}
