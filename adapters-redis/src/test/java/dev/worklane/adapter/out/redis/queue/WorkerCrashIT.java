package dev.worklane.adapter.out.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.JobSummary;
import dev.worklane.application.port.model.queue.QueueOverview;
import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Crash safety (issue acceptance): the workers run in a separate JVM ({@link CrashTestWorkerMain})
 * that is killed with SIGKILL again and again while 1 000 jobs run — no graceful stop, no lease
 * handed back, round trips cut in the middle. Every job still ends completed, or failed after all
 * its attempts; none is missing and none is left active. Jobs are at least once: those running at a
 * kill run again once their lease expires.
 */
class WorkerCrashIT {
  static final int JOBS = 1000;
  static final int ATTEMPTS = 5;
  static final int KILLS = 6;

  /** Every 50th job fails each attempt, so "failed after all its attempts" is exercised too. */
  static final int DOOMED_EVERY = 50;

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration SETTLE = Duration.ofSeconds(120);

  final String prefix = TestRedis.uniquePrefix();
  // The test's own reads get a generous timeout: a slow reply on a loaded machine is not a finding.
  final RedisConnections connections =
      new RedisConnections(
          CrashTestWorkerMain.redisSettings(
              CrashTestWorkerMain.redisArgument(), prefix, Duration.ofSeconds(5)),
          Clock.systemUTC());
  final RedissonClient redis = connections.queues();
  final Clock clock = Clock.systemUTC();
  final QueueScripts scripts = new QueueScripts(redis, prefix);
  final RedisJobBrokerAdapter broker =
      new RedisJobBrokerAdapter(scripts, connections.queueBreaker(), clock);
  final RedisQueueControlAdapter control =
      new RedisQueueControlAdapter(
          scripts, CrashTestWorkerMain.settings(), connections.queueBreaker(), clock);
  final Path log =
      Path.of("target", "worker-crash", prefix.replaceAll("[^A-Za-z0-9-]", "") + ".log");
  Process worker;

  @AfterEach
  void close() throws InterruptedException {
    try {
      stopWorker();
      redis.getKeys().deleteByPattern(prefix + "*"); // nothing left on the shared server
    } finally {
      connections.close();
    }
  }

  @Test
  void everyJobEndsCompletedOrFailedAfterItsAttemptsThoughTheWorkerJvmIsKilledAgainAndAgain()
      throws Exception {
    List<String> queues = JobRequest.QUEUES;
    Map<String, String> queueOf = new HashMap<>();
    Set<String> doomed = new HashSet<>();
    List<OutboxJob> jobs = new ArrayList<>();
    JobOptions options =
        JobOptions.defaults()
            .withAttempts(ATTEMPTS)
            .withBackoff(Duration.ofMillis(50))
            .withTimeout(TIMEOUT);
    for (int i = 0; i < JOBS; i++) {
      String id = "crash-%04d".formatted(i);
      String queue = queues.get(i % queues.size());
      queueOf.put(id, queue);
      Map<String, String> payload =
          i % DOOMED_EVERY == 7 ? Map.of("fail", CrashTestWorkerMain.DOOMED) : Map.of("n", "" + i);
      if (payload.containsKey("fail")) {
        doomed.add(id);
      }
      jobs.add(
          new OutboxJob(
              id,
              new JobRequest(queue, CrashTestWorkerMain.TYPE, payload, options),
              "req-" + id,
              Instant.now()));
    }
    broker.submit(jobs);
    assertThat(total(JobState.WAITING)).isEqualTo(JOBS);
    Files.createDirectories(log.getParent());
    long startedAt = System.nanoTime();

    // Each instance is killed 0.5-1.5 s after it began to run jobs (1-2.5 s after its start).
    int kills = 0;
    long lifetimes = 0;
    for (int instance = 1; kills < KILLS; instance++) {
      long before = started();
      long spawned = System.nanoTime();
      startWorker(instance);
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .pollInterval(Duration.ofMillis(10))
            .until(() -> started() > before || !worker.isAlive());
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        fail("worker instance %d ran no job within 60 s (log: %s)", instance, log);
      }
      assertThat(worker.isAlive()).as("worker instance %d alive (log: %s)", instance, log).isTrue();
      assertThat(finished())
          .as(
              "jobs left to run when instance %d started: the kills must hit a busy worker",
              instance)
          .isLessThan(JOBS);
      Thread.sleep(ThreadLocalRandom.current().nextLong(500, 1501));
      worker.destroyForcibly(); // SIGKILL on Linux
      assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
      kills++;
      lifetimes += System.nanoTime() - spawned;
      note(
          "killed instance %d (exit %d) with %d jobs finished",
          instance, worker.exitValue(), finished());
    }

    startWorker(KILLS + 1); // the last instance, left to finish
    await()
        .atMost(SETTLE)
        .ignoreExceptions()
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                total(JobState.COMPLETED) + total(JobState.FAILED) == JOBS
                    && total(JobState.WAITING) == 0
                    && total(JobState.DELAYED) == 0
                    && total(JobState.ACTIVE) == 0);
    double seconds = (System.nanoTime() - startedAt) / 1e9;

    Map<String, JobSummary> completed = new HashMap<>();
    Map<String, JobSummary> failed = new HashMap<>();
    for (String queue : queues) {
      for (JobState state : List.of(JobState.WAITING, JobState.DELAYED, JobState.ACTIVE)) {
        assertThat(list(queue, state)).as("%s jobs in %s", state, queue).isEmpty();
      }
      list(queue, JobState.COMPLETED).forEach(j -> completed.put(j.id(), j));
      list(queue, JobState.FAILED).forEach(j -> failed.put(j.id(), j));
    }
    Set<String> ended = new HashSet<>(completed.keySet());
    ended.addAll(failed.keySet());
    assertThat(ended)
        .as("every job ended, none missing")
        .containsExactlyInAnyOrderElementsOf(queueOf.keySet());
    assertThat(java.util.Collections.disjoint(completed.keySet(), failed.keySet()))
        .as("no job both completed and failed")
        .isTrue();
    assertThat(failed.keySet()).as("doomed jobs failed").containsAll(doomed);
    for (JobSummary job : failed.values()) {
      assertThat(job.queue()).isEqualTo(queueOf.get(job.id()));
      assertThat(job.maxAttempts()).isEqualTo(ATTEMPTS);
      assertThat(job.attemptsMade())
          .as("a failed job used all its attempts: %s (%s)", job.id(), job.failedReason())
          .isEqualTo(ATTEMPTS);
    }
    for (JobSummary job : completed.values()) {
      assertThat(job.queue()).isEqualTo(queueOf.get(job.id()));
      assertThat(job.attemptsMade()).as("attempts of %s", job.id()).isBetween(1, ATTEMPTS);
    }

    Set<String> done =
        redis.<String>getSet(CrashTestWorkerMain.doneKey(prefix), StringCodec.INSTANCE).readAll();
    assertThat(done)
        .as("every completed job's handler ran to its end")
        .containsAll(completed.keySet());
    Map<String, Long> starts = counts(CrashTestWorkerMain.startsKey(prefix));
    Map<String, Long> completions = counts(CrashTestWorkerMain.completionsKey(prefix));
    Map<String, JobSummary> all = new HashMap<>(completed);
    all.putAll(failed);
    for (JobSummary job : all.values()) {
      assertThat(starts.getOrDefault(job.id(), 0L))
          .as("a handler ran %s only within a counted attempt", job.id())
          .isBetween(job.state() == JobState.COMPLETED ? 1L : 0L, (long) job.attemptsMade());
    }
    long executions = completions.values().stream().mapToLong(Long::longValue).sum();
    long startedTwice =
        starts.entrySet().stream()
            .filter(e -> !doomed.contains(e.getKey()) && e.getValue() > 1)
            .count();
    long completedTwice = completions.values().stream().filter(n -> n > 1).count();
    long retried = completed.values().stream().filter(j -> j.attemptsMade() > 1).count();
    long failedByKills = failed.keySet().stream().filter(id -> !doomed.contains(id)).count();
    // A kill interrupts the jobs running then: they run again (at least once, never lost).
    assertThat(startedTwice).as("jobs begun again after a kill").isPositive();

    String summary =
        ("WorkerCrashIT: redis=%s cluster=%s jobs=%d kills=%d completed=%d failed=%d"
                + " (doomed=%d, after kills=%d)"
                + " meanLifetimeBeforeKill=%.1fs completedAfterRetry=%d startedMoreThanOnce=%d executedToTheEndMoreThanOnce=%d"
                + " handlerCompletions=%d handlerStarts=%d duration=%.1fs log=%s")
            .formatted(
                TestRedis.configFile() != null ? "config:" + TestRedis.configFile() : "url",
                redis.getConfig().isClusterConfig(),
                JOBS,
                kills,
                completed.size(),
                failed.size(),
                doomed.size(),
                failedByKills,
                lifetimes / 1e9 / kills,
                retried,
                startedTwice,
                completedTwice,
                executions,
                started(),
                seconds,
                log);
    System.out.println(summary);
    note("%s", summary);
  }

  private void startWorker(int instance) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String redisArg = CrashTestWorkerMain.redisArgument();
    note("starting instance %d", instance);
    worker =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                CrashTestWorkerMain.class.getName(),
                redisArg,
                prefix,
                Integer.toString(instance))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start(); // stdin stays a pipe: the worker exits when this JVM is gone
  }

  private void stopWorker() throws InterruptedException {
    if (worker != null && worker.isAlive()) {
      worker.destroyForcibly();
      worker.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void note(String format, Object... args) {
    try {
      Files.writeString(
          log,
          "--- WorkerCrashIT " + Instant.now() + " " + format.formatted(args) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is a diagnostic only
    }
  }

  private long started() {
    String value =
        redis.<String>getBucket(CrashTestWorkerMain.startedKey(prefix), StringCodec.INSTANCE).get();
    return value == null ? 0 : Long.parseLong(value);
  }

  private long finished() {
    return total(JobState.COMPLETED) + total(JobState.FAILED);
  }

  private long total(JobState state) {
    return control.overview().stream()
        .map(QueueOverview::counts)
        .mapToLong(c -> c.get(state))
        .sum();
  }

  private List<JobSummary> list(String queue, JobState state) {
    List<JobSummary> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      JobList list = control.jobs(queue, state, new PageRequest(page, PageRequest.MAX_PER_PAGE));
      all.addAll(list.jobs());
      if (list.jobs().isEmpty() || all.size() >= list.total()) {
        return all;
      }
    }
  }

  private Map<String, Long> counts(String key) {
    Map<String, Long> counts = new HashMap<>();
    redis
        .<String, String>getMap(key, StringCodec.INSTANCE)
        .readAllMap()
        .forEach((id, n) -> counts.put(id, Long.parseLong(n)));
    return counts;
  }
}
