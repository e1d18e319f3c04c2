package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TasksApiIT extends ProjectsE2eTest {

  @Test
  void tasksAreCreatedReadChangedAndDeletedWithETagsAndIfMatch() {
    Account owner = account("MANAGER");
    JsonNode project = createProject(owner);
    String projectId = project.get("id").asString();

    Api.Response created =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks",
                "{\"title\":\"Write docs\",\"priority\":\"HIGH\",\"dueDate\":\"2027-01-31\"}",
                owner.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    JsonNode task = created.data();
    String taskId = task.get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/tasks/" + taskId);
    assertThat(task.get("key").asString()).isEqualTo(project.get("key").asString() + "-1");
    assertThat(task.get("number").asLong()).isEqualTo(1);
    assertThat(task.get("status").asString()).isEqualTo("TODO");
    assertThat(task.get("priority").asString()).isEqualTo("HIGH");
    assertThat(task.get("reporterId").asString()).isEqualTo(owner.id());
    assertThat(task.get("assigneeId").isNull()).isTrue();

    String path = "/api/v1/tasks/" + taskId;
    Api.Response read = api().get(path, owner.token());
    assertThat(read.header("ETag")).isEqualTo("\"0\"");

    assertProblem(
        patch(path, owner.token(), null, "{\"title\":\"x\"}"), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        patch(path, owner.token(), "*", "{\"title\":\"x\"}"), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        patch(path, owner.token(), "W/\"0\"", "{\"title\":\"x\"}"), 412, "PRECONDITION_FAILED");
    assertProblem(
        patch(path, owner.token(), "\"7\"", "{\"title\":\"x\"}"), 412, "PRECONDITION_FAILED");

    Api.Response changed =
        patch(path, owner.token(), "\"0\"", "{\"status\":\"IN_PROGRESS\",\"title\":\"Docs\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"1\"");
    assertThat(changed.data().get("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(changed.data().get("title").asString()).isEqualTo("Docs");
    assertThat(changed.data().get("dueDate").asString()).isEqualTo("2027-01-31");

    // the version it was read at is stale now
    assertProblem(
        patch(path, owner.token(), "\"0\"", "{\"title\":\"lost update\"}"),
        412,
        "PRECONDITION_FAILED");
    assertProblem(delete(path, owner.token()), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        api().call("DELETE", path).bearer(owner.token()).header("If-Match", "\"0\"").send(),
        412,
        "PRECONDITION_FAILED");
    Api.Response deleted =
        api().call("DELETE", path).bearer(owner.token()).header("If-Match", "\"1\"").send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertProblem(api().get(path, owner.token()), 404, "NOT_FOUND");
  }

  @Test
  void patchLeavesAbsentFieldsAndNullClearsThem() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    Api.Response created =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks",
                "{\"title\":\"T\",\"description\":\"D\",\"dueDate\":\"2027-02-01\",\"assigneeId\":\""
                    + owner.id()
                    + "\"}",
                owner.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String path = "/api/v1/tasks/" + created.data().get("id").asString();

    Api.Response untouched = patch(path, owner.token(), "\"0\"", "{\"priority\":\"LOW\"}");
    assertThat(untouched.data().get("description").asString()).isEqualTo("D");
    assertThat(untouched.data().get("assigneeId").asString()).isEqualTo(owner.id());
    assertThat(untouched.data().get("dueDate").asString()).isEqualTo("2027-02-01");

    Api.Response cleared =
        patch(
            path,
            owner.token(),
            "\"1\"",
            "{\"description\":null,\"assigneeId\":null,\"dueDate\":null}");
    assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
    assertThat(cleared.data().get("description").isNull()).isTrue();
    assertThat(cleared.data().get("assigneeId").isNull()).isTrue();
    assertThat(cleared.data().get("dueDate").isNull()).isTrue();
    assertThat(cleared.data().get("priority").asString()).isEqualTo("LOW");

    Api.Response nullTitle = patch(path, owner.token(), "\"2\"", "{\"title\":null}");
    assertProblem(nullTitle, 400, "VALIDATION_FAILED");
    assertThat(nullTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
    assertProblem(
        patch(path, owner.token(), "\"2\"", "{\"colour\":\"red\"}"), 400, "UNKNOWN_PROPERTY");
  }

  @Test
  void theAssigneeMustBeAMemberOfTheProject() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    Account outsider = account("USER");
    Api.Response refused =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks",
                "{\"title\":\"T\",\"assigneeId\":\"" + outsider.id() + "\"}",
                owner.token());
    assertProblem(refused, 400, "VALIDATION_FAILED");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");

    String path = "/api/v1/tasks/" + createTask(owner, projectId, "T").get("id").asString();
    assertProblem(
        patch(path, owner.token(), "\"0\"", "{\"assigneeId\":\"" + outsider.id() + "\"}"),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void v1AndV2ShowTheSameTaskInTheirOwnShapes() {
    Account owner = account("MANAGER");
    jdbc.update("update profiles set display_name = 'Grace' where user_id = ?::uuid", owner.id());
    String projectId = createProject(owner).get("id").asString();
    Api.Response created =
        api()
            .postJson(
                "/api/v2/projects/" + projectId + "/tasks",
                "{\"title\":\"T\",\"assigneeId\":\"" + owner.id() + "\"}",
                owner.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).startsWith("/api/v2/tasks/");
    String id = created.data().get("id").asString();

    JsonNode v2 = api().get("/api/v2/tasks/" + id, owner.token()).data();
    assertThat(v2.get("status").asString()).isEqualTo("todo");
    assertThat(v2.get("assignee").get("id").asString()).isEqualTo(owner.id());
    assertThat(v2.get("assignee").get("displayName").asString()).isEqualTo("Grace");
    assertThat(v2.has("assigneeId")).isFalse();

    JsonNode v1 = api().get("/api/v1/tasks/" + id, owner.token()).data();
    assertThat(v1.get("status").asString()).isEqualTo("TODO");
    assertThat(v1.get("assigneeId").asString()).isEqualTo(owner.id());
    assertThat(v1.has("assignee")).isFalse();

    // each version refuses the other's status values
    assertProblem(
        patch("/api/v2/tasks/" + id, owner.token(), "\"0\"", "{\"status\":\"IN_PROGRESS\"}"),
        400,
        "TYPE_MISMATCH");
    assertProblem(
        patch("/api/v1/tasks/" + id, owner.token(), "\"0\"", "{\"status\":\"in-progress\"}"),
        400,
        "TYPE_MISMATCH");
    Api.Response v2Patch =
        patch(
            "/api/v2/tasks/" + id,
            owner.token(),
            "\"0\"",
            "{\"status\":\"in-progress\",\"assigneeId\":null}");
    assertThat(v2Patch.status()).as(v2Patch.toString()).isEqualTo(200);
    assertThat(v2Patch.data().get("status").asString()).isEqualTo("in-progress");
    assertThat(v2Patch.data().get("assignee").isNull()).isTrue();
    assertThat(api().get("/api/v1/tasks/" + id, owner.token()).data().get("status").asString())
        .isEqualTo("IN_PROGRESS");
    assertProblem(
        api().get("/api/v2/projects/" + projectId + "/tasks?status=IN_PROGRESS", owner.token()),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api().get("/api/v1/projects/" + projectId + "/tasks?status=done", owner.token()),
        400,
        "VALIDATION_FAILED");
    assertThat(
            api()
                .get("/api/v2/projects/" + projectId + "/tasks?status=in-progress", owner.token())
                .data()
                .size())
        .isEqualTo(1);
  }

  @Test
  void cursorWalkSeesEveryTaskOnceWhileTasksAreAdded() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    Set<String> initial = new LinkedHashSet<>();
    for (int i = 0; i < 55; i++) {
      initial.add(createTask(owner, projectId, "Task " + i).get("id").asString());
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String path =
          "/api/v2/projects/"
              + projectId
              + "/tasks?perPage=20"
              + (cursor == null ? "" : "&cursor=" + cursor);
      Api.Response page = api().get(path, owner.token());
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.json().get("meta").get("perPage").asInt()).isEqualTo(20);
      page.data().forEach(task -> seen.add(task.get("id").asString()));
      JsonNode next = page.json().get("meta").get("nextCursor");
      assertThat(next).as("nextCursor is always present, null on the last page").isNotNull();
      cursor = next.isNull() ? null : next.asString();
      // others keep adding tasks between our pages
      for (int i = 0; i < 3 && pages < 3; i++) {
        createTask(owner, projectId, "Added meanwhile");
      }
      pages++;
    } while (cursor != null && pages < 20);

    assertThat(new HashSet<>(seen)).as("no task repeated").hasSize(seen.size());
    assertThat(seen).as("no task skipped").containsAll(initial);
    assertThat(seen.subList(0, 55)).as("oldest first").containsExactlyElementsOf(initial);
  }

  @Test
  void editedForgedOrForeignCursorsAreRefused() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    String otherProject = createProject(owner).get("id").asString();
    for (int i = 0; i < 3; i++) {
      createTask(owner, projectId, "T" + i);
    }
    String cursor =
        api()
            .get("/api/v1/projects/" + projectId + "/tasks?perPage=1", owner.token())
            .json()
            .get("meta")
            .get("nextCursor")
            .asString();
    assertThat(
            api()
                .get(
                    "/api/v1/projects/" + projectId + "/tasks?perPage=1&cursor=" + cursor,
                    owner.token())
                .status())
        .isEqualTo(200);

    char flipped = cursor.charAt(5) == 'A' ? 'B' : 'A';
    String edited = cursor.substring(0, 5) + flipped + cursor.substring(6);
    for (String bad :
        new String[] {
          edited,
          cursor.substring(0, cursor.length() - 4),
          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
          "not*base64"
        }) {
      Api.Response refused =
          api().get("/api/v1/projects/" + projectId + "/tasks?cursor=" + bad, owner.token());
      assertProblem(refused, 400, "INVALID_CURSOR");
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }
    // bound to its list: the same cursor on another project's tasks is refused
    assertProblem(
        api().get("/api/v1/projects/" + otherProject + "/tasks?cursor=" + cursor, owner.token()),
        400,
        "INVALID_CURSOR");
    assertProblem(
        api().get("/api/v2/projects?cursor=" + cursor, owner.token()), 400, "INVALID_CURSOR");
  }

  @Test
  void tasksAreFilteredByStatusAndAssignee() {
    Account owner = account("MANAGER");
    Account member = account("USER");
    String projectId = createProject(owner).get("id").asString();
    addMember(owner, projectId, member);
    createTask(owner, projectId, "unassigned");
    String mine =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks",
                "{\"title\":\"mine\",\"assigneeId\":\"" + member.id() + "\"}",
                member.token())
            .data()
            .get("id")
            .asString();
    patch("/api/v1/tasks/" + mine, member.token(), "\"0\"", "{\"status\":\"DONE\"}");

    String base = "/api/v1/projects/" + projectId + "/tasks";
    JsonNode byAssignee = api().get(base + "?assigneeId=" + member.id(), owner.token()).data();
    assertThat(byAssignee.size()).isEqualTo(1);
    assertThat(byAssignee.get(0).get("id").asString()).isEqualTo(mine);
    assertThat(api().get(base + "?status=DONE", owner.token()).data().size()).isEqualTo(1);
    assertThat(api().get(base + "?status=TODO", owner.token()).data().size()).isEqualTo(1);
    assertThat(
            api().get(base + "?status=TODO&assigneeId=" + member.id(), owner.token()).data().size())
        .isZero();
    Api.Response last = api().get(base, owner.token());
    assertThat(last.json().get("meta").get("nextCursor").isNull()).isTrue();
    assertProblem(api().get(base + "?assigneeId=nope", owner.token()), 400, "INVALID_PARAMETER");
    for (String perPage : new String[] {"0", "101", "-1", "abc"}) {
      Api.Response bad = api().get(base + "?perPage=" + perPage, owner.token());
      assertProblem(bad, 400, "VALIDATION_FAILED");
      assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("perPage");
    }
  }
}
