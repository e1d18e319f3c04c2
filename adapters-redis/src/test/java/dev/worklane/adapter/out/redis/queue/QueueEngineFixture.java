package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.RedisFixture;
import dev.worklane.adapter.out.redis.queue.QueueScripts.Finish;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.FinishAndTake;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.TakenJob;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One engine on the test Redis (the shared server, or the deployment of {@code
 * WORKLANE_TEST_REDIS_CONFIG_FILE} such as a Redis Cluster) under its own key prefix: broker,
 * control, worker sets with short timings, and handlers a test scripts per job type.
 */
final class QueueEngineFixture implements AutoCloseable {
  /** What a test job does; runs on the worker's virtual thread. */
  interface Behaviour {
    void run(Job job) throws Exception;
  }

  record Run(String id, int attempt, long startedAt, String requestId, String jobIdInMdc) {}

  final String prefix = TestRedis.uniquePrefix();
  final RedisConnections connections = RedisFixture.configured(prefix);
  final Clock clock = Clock.systemUTC();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  final List<Run> runs = new CopyOnWriteArrayList<>();
  final JobHandlers handlers;
  final RedisJobBrokerAdapter broker;
  final RedisQueueControlAdapter control;
  final QueueScripts scripts;
  private final List<JobWorkers> started = new ArrayList<>();
  private final List<RedisConnections> others = new ArrayList<>();

  QueueEngineFixture(QueueSettings settings) {
    List<JobHandler> list = new ArrayList<>();
    for (String type : List.of("test.run", "test.other")) {
      list.add(
          new JobHandler() {
            @Override
            public String type() {
              return type;
            }

            @Override
            public void handle(Job job) throws Exception {
              runs.add(
                  new Run(
                      job.id(),
                      job.attempt(),
                      System.currentTimeMillis(),
                      org.slf4j.MDC.get("requestId"),
                      org.slf4j.MDC.get("jobId")));
              Behaviour behaviour = behaviours.get(job.id());
              if (behaviour == null) {
                behaviour = behaviours.getOrDefault("*", j -> {});
              }
              behaviour.run(job);
            }
          });
    }
    handlers = new JobHandlers(list);
    scripts = new QueueScripts(connections.queues(), prefix);
    broker = new RedisJobBrokerAdapter(scripts, connections.queueBreaker(), clock);
    control = new RedisQueueControlAdapter(scripts, settings, connections.queueBreaker(), clock);
  }

  /** Short timings so the tests run in well under a second each. */
  static QueueSettings fastSettings() {
    return new QueueSettings(
        true,
        Map.of("default", 4, "email", 2, "high-priority", 2),
        Duration.ofHours(24),
        null,
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(300),
        Duration.ofMillis(100),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        5);
  }

  JobWorkers startWorkers(QueueSettings settings) {
    JobWorkers workers =
        new JobWorkers(scripts, handlers, settings, connections.queueBreaker(), meters, clock);
    workers.start();
    started.add(workers);
    return workers;
  }

  /**
   * Another instance on the same engine (same prefix): its own Redis connections, meters and
   * handlers, as a second application instance would have.
   */
  JobWorkers startOtherInstance(QueueSettings settings, JobHandlers otherHandlers) {
    RedisConnections other = RedisFixture.configured(prefix);
    others.add(other);
    JobWorkers workers =
        new JobWorkers(
            new QueueScripts(other.queues(), prefix),
            otherHandlers,
            settings,
            other.queueBreaker(),
            new SimpleMeterRegistry(),
            clock);
    workers.start();
    started.add(workers);
    return workers;
  }

  static JobOptions quick() {
    return JobOptions.defaults()
        .withBackoff(Duration.ofMillis(50))
        .withTimeout(Duration.ofSeconds(5));
  }

  static OutboxJob job(String queue, String id, JobOptions options) {
    return job(queue, id, "test.run", options, Map.of("k", "v"));
  }

  static OutboxJob job(String queue, String id, JobOptions options, Map<String, String> payload) {
    return job(queue, id, "test.run", options, payload);
  }

  static OutboxJob job(
      String queue, String id, String type, JobOptions options, Map<String, String> payload) {
    return new OutboxJob(
        id, new JobRequest(queue, type, payload, options), "req-" + id, Instant.now());
  }

  QueueKeys keys(String queue) {
    return QueueKeys.of(prefix, queue);
  }

  /** Plays a worker that takes jobs and then does whatever the test says (e.g. dies). */
  List<Taken> take(String queue, int n, long leaseGraceMillis) {
    List<Taken> taken = new ArrayList<>();
    for (TakenJob j : call(queue, List.of(), n, leaseGraceMillis).taken()) {
      taken.add(new Taken(j.id(), j.attempt(), j.token()));
    }
    return taken;
  }

  record Taken(String id, int attempt, String token) {}

  /** Reports an outcome as a (possibly stale) worker; returns what the script did with it. */
  FinishCode finish(String queue, String id, String token, AttemptOutcome outcome) {
    Finish finish = new Finish(id, token, outcome, "stale", "");
    return call(queue, List.of(finish), 0, 0).codes().getFirst();
  }

  private FinishAndTake call(String queue, List<Finish> finishes, int take, long graceMillis) {
    return scripts
        .finishAndTake(
            queue,
            clock.millis(),
            finishes,
            take,
            Duration.ofMillis(graceMillis),
            Duration.ofHours(24),
            Runnable::run)
        .toCompletableFuture()
        .join();
  }

  @Override
  public void close() {
    try {
      for (JobWorkers workers : started) {
        workers.stop();
      }
      // Leave nothing behind on the shared server.
      connections.queues().getKeys().deleteByPattern(prefix + "*");
    } finally {
      others.forEach(RedisConnections::close);
      connections.close();
    }
  }
}
