package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Accounts with roles, projects, members and tasks made through the API for the issue #7 tests. */
abstract class ProjectsE2eTest extends SharedE2eTest {
  @Autowired JdbcTemplate jdbc;

  /** An account and a fresh token of it. */
  record Account(String id, String email, String token) {}

  /** A registered account holding {@code role} too (USER, MANAGER or ADMIN). */
  Account account(String role) {
    String email = uniqueEmail();
    String id = register(email);
    if (!"USER".equals(role)) {
      // as UsersApiIT does: roles beyond USER are given by an admin, here straight in the table
      jdbc.update("insert into user_roles(user_id, role) values (?::uuid, ?)", id, role);
    }
    return new Account(id, email, login(email).get("accessToken").asString());
  }

  static String uniqueKey() {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      key.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return key.toString();
  }

  /** Creates a project owned by {@code owner} and returns its data. */
  JsonNode createProject(Account owner) {
    Api.Response created =
        api()
            .postJson(
                "/api/v1/projects",
                "{\"key\":\"" + uniqueKey() + "\",\"name\":\"Project\"}",
                owner.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.data();
  }

  void addMember(Account owner, String projectId, Account member) {
    Api.Response added =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/members",
                "{\"userId\":\"" + member.id() + "\"}",
                owner.token());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
  }

  JsonNode createTask(Account author, String projectId, String title) {
    Api.Response created =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks",
                "{\"title\":\"" + title + "\"}",
                author.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.data();
  }

  Api.Response patch(String path, String token, String ifMatch, String json) {
    Api.Call call = api().call("PATCH", path).bearer(token).json(json);
    return ifMatch == null ? call.send() : call.header("If-Match", ifMatch).send();
  }

  Api.Response delete(String path, String token) {
    return api().call("DELETE", path).bearer(token).send();
  }
}
