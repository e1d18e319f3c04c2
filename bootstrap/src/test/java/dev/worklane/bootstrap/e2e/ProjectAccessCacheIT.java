package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The project and the caller's membership are read through the cache on every request in a project;
 * a change made on one instance must reach another instance that cached the old answer at once
 * (eviction before and after commit, near caches dropped through Redis pub/sub).
 */
class ProjectAccessCacheIT extends ProjectsE2eTest {

  @Test
  void aRemovedMemberLosesAccessOnAnotherInstanceThatCachedTheMembership() {
    Account owner = account("MANAGER");
    Account member = account("USER");
    String id = createProject(owner).get("id").asString();
    String members = "/api/v1/projects/" + id + "/members";
    assertThat(
            api().postJson(members, "{\"userId\":\"" + member.id() + "\"}", owner.token()).status())
        .isEqualTo(201);
    ConfigurableApplicationContext other = startAnotherInstance(Map.of());
    try {
      Api second = new Api(portOf(other));
      assertThat(second.get("/api/v1/projects/" + id, member.token()).status()).isEqualTo(200);
      assertThat(second.get("/api/v1/projects/" + id, member.token()).status())
          .as("now cached near on the second instance")
          .isEqualTo(200);

      assertThat(delete(members + "/" + member.id(), owner.token()).status()).isEqualTo(204);

      await()
          .atMost(Duration.ofSeconds(2))
          .untilAsserted(
              () ->
                  assertProblem(
                      second.get("/api/v1/projects/" + id, member.token()), 404, "NOT_FOUND"));
      assertProblem(
          second.postJson(
              "/api/v1/projects/" + id + "/tasks", "{\"title\":\"sneaky\"}", member.token()),
          404,
          "NOT_FOUND");
    } finally {
      other.close();
    }
  }

  @Test
  void anArchivedProjectIsReadOnlyOnAnotherInstanceThatCachedIt() {
    Account owner = account("MANAGER");
    String id = createProject(owner).get("id").asString();
    ConfigurableApplicationContext other = startAnotherInstance(Map.of());
    try {
      Api second = new Api(portOf(other));
      assertThat(second.get("/api/v1/projects/" + id, owner.token()).status()).isEqualTo(200);

      assertThat(delete("/api/v1/projects/" + id, owner.token()).status()).isEqualTo(204);

      await()
          .atMost(Duration.ofSeconds(2))
          .untilAsserted(
              () ->
                  assertProblem(
                      second.postJson(
                          "/api/v1/projects/" + id + "/tasks",
                          "{\"title\":\"late\"}",
                          owner.token()),
                      409,
                      "PROJECT_ARCHIVED"));
    } finally {
      other.close();
    }
  }
}
