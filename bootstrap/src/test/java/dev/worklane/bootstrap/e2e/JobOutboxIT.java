package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.service.job.JobRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The transactional outbox end to end (issue #8 §4): with Redis down, use cases still commit and
 * their jobs wait in PostgreSQL; when Redis is back they flow without anybody retrying anything. A
 * rolled-back use case leaves no job behind.
 */
@TestPropertySource(properties = "worklane.redis.circuit-open-for=1s")
class JobOutboxIT extends E2eTest {
  private static final TestRedis.Dedicated REDIS = TestRedis.dedicated();
  final Mailbox mailbox = new Mailbox(DATA_DIR);

  @Autowired JobRelay relay;

  @DynamicPropertySource
  static void dedicatedRedis(DynamicPropertyRegistry registry) {
    registry.add("worklane.redis.url", REDIS::url);
    registry.add("worklane.redis.key-prefix", TestRedis::uniquePrefix);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @Test
  void jobsWaitInTheOutboxWhileRedisIsDownAndFlowWhenItReturns() {
    String before = uniqueEmail();
    register(before);
    mailbox.awaitMail(before, "Welcome to Worklane", 1);
    assertThat(relay.pending()).isZero();

    List<String> emails = new ArrayList<>();
    REDIS.stop();
    try {
      for (int i = 0; i < 3; i++) {
        String email = uniqueEmail();
        register(email); // 201: the use case commits, its job waits in PostgreSQL
        emails.add(email);
      }
      assertThat(relay.pending()).isEqualTo(3);
      assertThat(contextMeters.get("worklane.queue.outbox.pending").gauge().value()).isEqualTo(3);

      // A registration that fails rolls its welcome email back with it.
      Api.Response duplicate =
          api()
              .postJson(
                  "/api/v1/auth/register",
                  "{\"email\":\"" + emails.get(0) + "\",\"password\":\"" + PASSWORD + "\"}");
      assertThat(duplicate.status()).isEqualTo(409);
      assertThat(relay.pending()).isEqualTo(3);
      assertThat(emails).allSatisfy(email -> assertThat(mailbox.to(email)).isEmpty());
    } finally {
      REDIS.start();
    }

    for (String email : emails) {
      mailbox.awaitMail(email, "Welcome to Worklane", 1);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0);
    assertThat(mailbox.to(emails.get(0))).as("one welcome email, not two").hasSize(1);
  }
}
