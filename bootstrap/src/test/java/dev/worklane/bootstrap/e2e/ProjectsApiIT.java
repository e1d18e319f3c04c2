package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectsApiIT extends ProjectsE2eTest {

  @Test
  void projectsAreCreatedReadChangedAndArchivedIntoReadOnly() {
    Account owner = account("MANAGER");
    String key = uniqueKey();
    Api.Response created =
        api()
            .postJson(
                "/api/v1/projects",
                "{\"key\":\"" + key + "\",\"name\":\"Apollo\",\"description\":\"Moon\"}",
                owner.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.data().get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/projects/" + id);
    assertThat(created.data().get("ownerId").asString()).isEqualTo(owner.id());
    assertThat(created.data().get("archived").asBoolean()).isFalse();

    assertProblem(
        api()
            .postJson(
                "/api/v1/projects", "{\"key\":\"" + key + "\",\"name\":\"Dup\"}", owner.token()),
        409,
        "PROJECT_KEY_TAKEN");
    Api.Response badKey =
        api().postJson("/api/v1/projects", "{\"key\":\"ab\",\"name\":\"x\"}", owner.token());
    assertProblem(badKey, 400, "VALIDATION_FAILED");
    assertThat(badKey.json().get("errors").get(0).get("field").asString()).isEqualTo("key");

    String path = "/api/v1/projects/" + id;
    Api.Response renamed = patch(path, owner.token(), null, "{\"name\":\"Artemis\"}");
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.data().get("name").asString()).isEqualTo("Artemis");
    assertThat(renamed.data().get("description").asString()).isEqualTo("Moon");
    Api.Response cleared = patch(path, owner.token(), null, "{\"description\":null}");
    assertThat(cleared.data().get("description").isNull()).isTrue();
    assertProblem(patch(path, owner.token(), null, "{\"owner\":\"x\"}"), 400, "UNKNOWN_PROPERTY");

    String taskId = createTask(owner, id, "before archiving").get("id").asString();
    assertThat(listedIds("/api/v1/projects?perPage=100", owner)).contains(id);

    assertThat(delete(path, owner.token()).status()).isEqualTo(204);
    assertThat(delete(path, owner.token()).status()).as("archiving is idempotent").isEqualTo(204);
    Api.Response archived = api().get(path, owner.token());
    assertThat(archived.data().get("archived").asBoolean()).isTrue();
    assertThat(listedIds("/api/v1/projects?perPage=100", owner)).doesNotContain(id);
    assertThat(listedIds("/api/v1/projects?perPage=100&archived=true", owner)).contains(id);
    assertThat(listedIds("/api/v2/projects?perPage=100", owner)).doesNotContain(id);
    assertThat(listedIds("/api/v2/projects?perPage=100&archived=true", owner)).contains(id);

    // read-only: every write answers 409 PROJECT_ARCHIVED
    assertProblem(patch(path, owner.token(), null, "{\"name\":\"x\"}"), 409, "PROJECT_ARCHIVED");
    assertProblem(
        api().postJson(path + "/tasks", "{\"title\":\"x\"}", owner.token()),
        409,
        "PROJECT_ARCHIVED");
    assertProblem(
        patch("/api/v1/tasks/" + taskId, owner.token(), "\"0\"", "{\"title\":\"x\"}"),
        409,
        "PROJECT_ARCHIVED");
    assertProblem(
        api()
            .postJson(
                path + "/members",
                "{\"userId\":\"" + register(uniqueEmail()) + "\"}",
                owner.token()),
        409,
        "PROJECT_ARCHIVED");
    assertThat(api().get("/api/v1/tasks/" + taskId, owner.token()).status()).isEqualTo(200);
  }

  @Test
  void membersAreAddedAndRemovedButTheLastOwnerStays() {
    Account owner = account("MANAGER");
    Account member = account("USER");
    String id = createProject(owner).get("id").asString();
    String members = "/api/v1/projects/" + id + "/members";

    Api.Response added =
        api()
            .postJson(
                members, "{\"userId\":\"" + member.id() + "\",\"role\":\"MEMBER\"}", owner.token());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.data().get("role").asString()).isEqualTo("MEMBER");
    assertProblem(
        api().postJson(members, "{\"userId\":\"" + member.id() + "\"}", owner.token()),
        409,
        "ALREADY_MEMBER");

    Api.Response list = api().get(members, member.token());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("meta").get("total").asLong()).isEqualTo(2);
    assertThat(list.json().get("meta").get("page").asInt()).isEqualTo(1);
    assertThat(list.json().get("meta").get("perPage").asInt()).isEqualTo(20);
    Api.Response v2 = api().get("/api/v2/projects/" + id + "/members?perPage=1", member.token());
    assertThat(v2.data().size()).isEqualTo(1);
    String next = v2.json().get("meta").get("nextCursor").asString();
    Api.Response v2Last =
        api().get("/api/v2/projects/" + id + "/members?perPage=1&cursor=" + next, member.token());
    assertThat(v2Last.data().size()).isEqualTo(1);
    assertThat(v2Last.json().get("meta").get("nextCursor").isNull()).isTrue();

    // a plain member does not manage members (no project:manage-members)
    assertProblem(delete(members + "/" + owner.id(), member.token()), 403, "FORBIDDEN");
    assertProblem(delete(members + "/" + owner.id(), owner.token()), 409, "LAST_OWNER");
    assertThat(delete(members + "/" + member.id(), owner.token()).status()).isEqualTo(204);
    assertProblem(api().get("/api/v1/projects/" + id, member.token()), 404, "NOT_FOUND");
  }

  @Test
  void theSummaryFollowsTaskWrites() {
    Account owner = account("MANAGER");
    String id = createProject(owner).get("id").asString();
    assertThat(summary(owner, id).get("total").asLong()).isZero();

    String task = createTask(owner, id, "a").get("id").asString();
    createTask(owner, id, "b");
    assertThat(summary(owner, id).get("todo").asLong()).isEqualTo(2);
    patch("/api/v1/tasks/" + task, owner.token(), "\"0\"", "{\"status\":\"DONE\"}");
    JsonNode after = summary(owner, id);
    assertThat(after.get("todo").asLong()).isEqualTo(1);
    assertThat(after.get("done").asLong()).isEqualTo(1);
    api()
        .call("DELETE", "/api/v1/tasks/" + task)
        .bearer(owner.token())
        .header("If-Match", "\"1\"")
        .send();
    assertThat(summary(owner, id).get("total").asLong()).isEqualTo(1);
    assertThat(summary(owner, id).get("done").asLong()).isZero();
  }

  @Test
  void offsetPageParametersOutOfRangeAreRefusedNamingTheParameter() {
    Account admin = account("ADMIN");
    for (String path : new String[] {"/api/v1/projects", "/api/v1/users"}) {
      for (String[] bad :
          new String[][] {
            {"page", "0"},
            {"page", "-1"},
            {"page", "abc"},
            {"perPage", "0"},
            {"perPage", "101"},
            {"perPage", "-1"},
            {"perPage", "abc"}
          }) {
        Api.Response refused = api().get(path + "?" + bad[0] + "=" + bad[1], admin.token());
        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(bad[0]);
      }
    }
    Api.Response users = api().get("/api/v1/users?page=1&perPage=2", admin.token());
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.data().size()).isEqualTo(2);
    assertThat(users.json().get("meta").get("perPage").asInt()).isEqualTo(2);
    assertThat(users.json().get("meta").get("total").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRoleChangeTakesEffectAtOnce() {
    Account admin = account("ADMIN");
    Account manager = account("MANAGER");
    assertThat(
            api()
                .postJson(
                    "/api/v1/projects",
                    "{\"key\":\"" + uniqueKey() + "\",\"name\":\"P\"}",
                    manager.token())
                .status())
        .isEqualTo(201);

    Api.Response demoted =
        patch(
            "/api/v1/users/" + manager.id() + "/roles",
            admin.token(),
            null,
            "{\"roles\":[\"USER\"]}");
    assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
    assertThat(demoted.data().get("roles").toString()).isEqualTo("[\"USER\"]");
    // the manager's 7-day token carried MANAGER: it ends now
    assertProblem(api().get("/api/v1/users/me", manager.token()), 401, "INVALID_TOKEN");

    // a login right after the change works at once, even within the same second
    String fresh = login(manager.email()).get("accessToken").asString();
    assertThat(api().get("/api/v1/users/me", fresh).status()).isEqualTo(200);
    assertProblem(
        api()
            .postJson(
                "/api/v1/projects", "{\"key\":\"" + uniqueKey() + "\",\"name\":\"P\"}", fresh),
        403,
        "FORBIDDEN");
    assertProblem(
        patch("/api/v1/users/" + manager.id() + "/roles", admin.token(), null, "{\"roles\":[]}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        patch(
            "/api/v1/users/" + manager.id() + "/roles",
            admin.token(),
            null,
            "{\"roles\":[\"ROOT\"]}"),
        400,
        "TYPE_MISMATCH");
  }

  private JsonNode summary(Account caller, String projectId) {
    return api().get("/api/v1/projects/" + projectId, caller.token()).data().get("summary");
  }

  private List<String> listedIds(String path, Account caller) {
    Api.Response response = api().get(path, caller.token());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.data().forEach(project -> ids.add(project.get("id").asString()));
    return ids;
  }
}
