package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API version is the path segment after {@code /api}: a version the API does not have, or an
 * endpoint its version lacks, is a 404 problem like any unknown path, never a 400 or a 500.
 */
class ApiVersionsIT extends ProjectsE2eTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Test
  void unknownVersionsAre404Problems() {
    Account owner = account("MANAGER");
    String project = createProject(owner).get("id").asString();
    String task = createTask(owner, project, "t").get("id").asString();
    for (String path :
        List.of(
            "/api/v3/projects/" + project,
            "/api/v1.5/projects/" + project,
            "/api/v3/tasks/" + task,
            "/api/v1.5/tasks/" + task,
            "/api/v3/users/me",
            "/api/v1.5/users/me",
            "/api/v2.0.1/projects",
            "/api/v0/projects",
            "/api/v01/users/me",
            "/api/vx/users/me",
            "/api/v/users/me",
            "/api/1/users/me",
            "/api/v3/nothing-here")) {
      Api.Response response = api().get(path, owner.token());
      assertProblem(response, 404, "NOT_FOUND");
      assertThat(response.json().get("detail").asString()).isEqualTo("No endpoint GET " + path);
    }
    assertProblem(
        api().postJson("/api/v3/projects", "{\"key\":\"ABC\",\"name\":\"n\"}", owner.token()),
        404,
        "NOT_FOUND");
  }

  @Test
  void anEndpointOnlyV1HasIsUnknownInV2() {
    Account user = account("USER");
    assertThat(api().get("/api/v1/users", user.token()).status()).isEqualTo(403);
    assertProblem(api().get("/api/v2/users", user.token()), 404, "NOT_FOUND");
    assertProblem(
        api().postJson("/api/v2/auth/refresh", "{\"refreshToken\":\"x\"}", user.token()),
        404,
        "NOT_FOUND");
  }

  @Test
  void sharedEndpointsAnswerInBothVersionsAtTheirOwnPaths() {
    Account owner = account("MANAGER");
    for (String root : List.of("/api/v1", "/api/v2")) {
      Api.Response created =
          api()
              .postJson(
                  root + "/projects",
                  "{\"key\":\"" + uniqueKey() + "\",\"name\":\"n\"}",
                  owner.token());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String id = created.json().get("data").get("id").asString();
      assertThat(created.header("Location")).isEqualTo(root + "/projects/" + id);
      assertThat(api().get(root + "/projects/" + id, owner.token()).status()).isEqualTo(200);
    }
  }

  @Test
  void aTaskKeepsItsPropertiesInTheirOrderInBothVersions() {
    Account owner = account("MANAGER");
    String project = createProject(owner).get("id").asString();
    String task = createTask(owner, project, "t").get("id").asString();
    assertThat(api().get("/api/v1/tasks/" + task, owner.token()).data().propertyNames())
        .containsExactly(
            "id",
            "key",
            "number",
            "projectId",
            "title",
            "description",
            "status",
            "priority",
            "assigneeId",
            "reporterId",
            "dueDate",
            "version",
            "createdAt",
            "updatedAt");
    assertThat(api().get("/api/v2/tasks/" + task, owner.token()).data().propertyNames())
        .containsExactly(
            "id",
            "key",
            "number",
            "projectId",
            "title",
            "description",
            "status",
            "priority",
            "assignee",
            "reporterId",
            "dueDate",
            "version",
            "createdAt",
            "updatedAt");
  }

  /** Spring MVC's own deprecation handler marks v1 on the responses its handlers write. */
  @Test
  void theFrameworkMarksV1AsDeprecated() {
    ApiVersionStrategy strategy = handlerMapping.getApiVersionStrategy();
    assertThat(strategy).isNotNull();
    MockHttpServletResponse v1 = new MockHttpServletResponse();
    strategy.handleDeprecations(strategy.parseVersion("1"), this, new MockHttpServletRequest(), v1);
    assertThat(v1.getHeader("Deprecation")).isEqualTo(DeprecationHeadersIT.DEPRECATION_HEADER);
    MockHttpServletResponse v2 = new MockHttpServletResponse();
    strategy.handleDeprecations(strategy.parseVersion("2"), this, new MockHttpServletRequest(), v2);
    assertThat(v2.getHeaderNames()).isEmpty();
  }
}
