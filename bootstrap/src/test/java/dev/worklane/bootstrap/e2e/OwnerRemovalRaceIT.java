package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two owners removing each other at the same moment (issue 12 item 13): one removal wins, the other
 * is refused, and the project always keeps an owner. Fired many times, in parallel, against the
 * real PostgreSQL: without the lock on the owner count both removals used to go through.
 */
class OwnerRemovalRaceIT extends ProjectsE2eTest {
  private static final int ROUNDS = 25;

  @Test
  void twoOwnersRemovingEachOtherAtOnceLeaveTheProjectWithAnOwner() throws Exception {
    Account first = account("MANAGER");
    Account second = account("USER");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String project = createProject(first).get("id").asString();
        String members = "/api/v1/projects/" + project + "/members";
        Api.Response added =
            api()
                .postJson(
                    members,
                    "{\"userId\":\"" + second.id() + "\",\"role\":\"OWNER\"}",
                    first.token());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        CyclicBarrier start = new CyclicBarrier(2);
        Future<Api.Response> firstRemovesSecond =
            threads.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return delete(members + "/" + second.id(), first.token());
                });
        Future<Api.Response> secondRemovesFirst =
            threads.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return delete(members + "/" + first.id(), second.token());
                });
        List<Api.Response> answers =
            List.of(
                firstRemovesSecond.get(30, TimeUnit.SECONDS),
                secondRemovesFirst.get(30, TimeUnit.SECONDS));

        assertThat(owners(project)).as("round %d: %s", round, answers).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.status() == 204))
            .as("round %d: exactly one removal wins: %s", round, answers)
            .hasSize(1);
        // the loser either counted the winner's removal (409) or no longer sees the project (404)
        Api.Response refused = answers.stream().filter(r -> r.status() != 204).findFirst().get();
        if (refused.status() == 409) {
          assertProblem(refused, 409, "LAST_OWNER");
        } else {
          assertProblem(refused, 404, "NOT_FOUND");
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private long owners(String project) {
    return jdbc.queryForObject(
        "select count(*) from project_members where project_id = ?::uuid and role = 'OWNER'",
        Long.class,
        project);
  }
}
