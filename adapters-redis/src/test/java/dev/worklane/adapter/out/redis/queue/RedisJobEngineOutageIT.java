package dev.worklane.adapter.out.redis.queue;

import static dev.worklane.adapter.out.redis.queue.QueueEngineFixture.job;
import static dev.worklane.adapter.out.redis.queue.QueueEngineFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.model.queue.JobState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A private Redis that the test stops and starts: the intake refuses (so the outbox keeps its
 * jobs), workers back off instead of spinning, and everything resumes when Redis is back — its
 * script cache empty, so the scripts are loaded again.
 */
class RedisJobEngineOutageIT {
  final TestRedis.Dedicated redis = TestRedis.dedicated();
  final String prefix = TestRedis.uniquePrefix();
  final RedisConnections connections =
      RedisFixture.connections(redis.url(), prefix, Duration.ofMillis(300));
  final Clock clock = Clock.systemUTC();
  final Set<String> ran = ConcurrentHashMap.newKeySet();
  final JobHandlers handlers =
      new JobHandlers(
          List.of(
              new JobHandler() {
                @Override
                public String type() {
                  return "test.run";
                }

                @Override
                public void handle(Job job) {
                  ran.add(job.id());
                }
              }));
  final QueueScripts scripts = new QueueScripts(connections.queues(), prefix);
  final RedisJobBrokerAdapter broker =
      new RedisJobBrokerAdapter(scripts, connections.queueBreaker(), clock);
  final RedisQueueControlAdapter control =
      new RedisQueueControlAdapter(
          scripts, QueueEngineFixture.fastSettings(), connections.queueBreaker(), clock);
  final JobWorkers workers =
      new JobWorkers(
          scripts,
          handlers,
          QueueEngineFixture.fastSettings(),
          connections.queueBreaker(),
          new SimpleMeterRegistry(),
          clock);

  @AfterEach
  void close() {
    try {
      workers.stop();
      connections.close();
    } finally {
      redis.stop();
    }
  }

  @Test
  void anOutageFailsSubmitsKeepsWorkersQuietAndEverythingResumesAfterIt() {
    workers.start();
    broker.submit(List.of(job("default", "before", quick())));
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.contains("before"));

    redis.stop();
    assertThatThrownBy(() -> broker.submit(List.of(job("default", "during", quick()))))
        .isInstanceOf(RuntimeException.class);

    // Workers, stalled checks and gauges keep running: the breaker paces them (no spinning).
    CircuitBreaker breaker = connections.queueBreaker();
    long before = breaker.failures();
    await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
    assertThat(breaker.failures() - before).isLessThan(40);
    assertThat(breaker.isFailing()).isTrue();

    redis.start();
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(
            () -> {
              broker.submit(List.of(job("default", "after", quick())));
              return true;
            });
    await().atMost(Duration.ofSeconds(15)).until(() -> ran.contains("after"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                control.job("default", "after").orElseThrow().summary().state()
                    == JobState.COMPLETED);
    assertThat(breaker.isFailing()).isFalse();
  }
}
