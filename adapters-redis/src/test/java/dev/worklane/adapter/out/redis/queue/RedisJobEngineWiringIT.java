package dev.worklane.adapter.out.redis.queue;

import static dev.worklane.adapter.out.redis.queue.QueueEngineFixture.job;
import static dev.worklane.adapter.out.redis.queue.QueueEngineFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.RedisAdapterConfiguration;
import dev.worklane.adapter.out.redis.RedisAdapterSettings;
import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.ratelimit.RateLimitSettings;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.QueueControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine as bootstrap gets it: the adapter's one configuration class with only the beans it
 * asks for (settings, clock, meters, handlers). Closing the context stops the workers before Redis
 * closes, so a running job is handed back rather than left to its lease.
 */
class RedisJobEngineWiringIT {
  final String prefix = TestRedis.uniquePrefix();

  @Test
  void theConfigurationRunsTheEngineAndClosingTheContextHandsRunningJobsBack() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobHandlers handlers =
        new JobHandlers(
            List.of(
                new JobHandler() {
                  @Override
                  public String type() {
                    return "test.run";
                  }

                  @Override
                  public void handle(Job job) throws InterruptedException {
                    if (job.id().equals("long")) {
                      started.countDown();
                      Thread.sleep(60_000);
                    }
                  }
                }));
    RedisAdapterSettings settings =
        new RedisAdapterSettings(
            new RedisSettings(
                TestRedis.url(), null, 0, 1, prefix, Duration.ofMillis(500), Duration.ofSeconds(5)),
            false,
            Duration.ofHours(1),
            Map.of(),
            Duration.ZERO,
            new RateLimitSettings(Map.of()),
            Duration.ofDays(1),
            QueueEngineFixture.fastSettings());

    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(RedisAdapterSettings.class, () -> settings);
      context.registerBean(Clock.class, Clock::systemUTC);
      context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
      context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
      context.registerBean(JobHandlers.class, () -> handlers);
      context.register(RedisAdapterConfiguration.class);
      context.refresh();

      JobBroker broker = context.getBean(JobBroker.class);
      broker.submit(List.of(job("email", "short", quick()), job("email", "long", quick())));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(context.getBean(QueueControl.class).overview())
          .extracting(o -> o.name())
          .containsExactly("default", "email", "high-priority");
    } // close: stop the workers (grace 300 ms), then Redis

    RedisConnections check = RedisFixture.shared(prefix);
    try {
      RedisQueueControlAdapter control =
          new RedisQueueControlAdapter(
              new QueueScripts(check.queues(), prefix),
              QueueEngineFixture.fastSettings(),
              check.queueBreaker(),
              Clock.systemUTC());
      JobDetails handedBack = control.job("email", "long").orElseThrow();
      assertThat(handedBack.summary().state()).isEqualTo(JobState.WAITING);
      assertThat(handedBack.summary().attemptsMade()).isZero();
      assertThat(control.job("email", "short").orElseThrow().summary().state())
          .isEqualTo(JobState.COMPLETED);
    } finally {
      check.queues().getKeys().deleteByPattern(prefix + "*");
      check.close();
    }
  }
}
