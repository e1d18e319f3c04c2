package dev.worklane.adapter.out.redis.queue;

import static dev.worklane.adapter.out.redis.queue.QueueEngineFixture.job;
import static dev.worklane.adapter.out.redis.queue.QueueEngineFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.queue.QueueEngineFixture.Run;
import dev.worklane.adapter.out.redis.queue.QueueEngineFixture.Taken;
import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.JobSummary;
import dev.worklane.application.port.model.queue.QueueOverview;
import dev.worklane.application.port.out.QueueControl.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job engine against a real Redis: intake, scheduling, failures, leases and admin actions. */
class RedisJobEngineIT {
  static final Duration WAIT = Duration.ofSeconds(10);

  final QueueEngineFixture engine = new QueueEngineFixture(QueueEngineFixture.fastSettings());

  @AfterEach
  void close() {
    engine.close();
  }

  JobDetails details(String queue, String id) {
    return engine.control.job(queue, id).orElseThrow();
  }

  JobState state(String queue, String id) {
    return details(queue, id).summary().state();
  }

  List<String> ids(String queue, JobState state) {
    return engine.control.jobs(queue, state, new PageRequest(1, 100)).jobs().stream()
        .map(JobSummary::id)
        .toList();
  }

  long count(String queue, JobState state) {
    return engine.control.overview().stream()
        .filter(o -> o.name().equals(queue))
        .findFirst()
        .orElseThrow()
        .counts()
        .get(state);
  }

  @Test
  void aSecondSubmissionOfAJobIdIsIgnoredInAnyStateAndPerQueue() {
    engine.broker.submit(
        List.of(
            job("default", "a", quick(), Map.of("v", "first")),
            job("default", "a", quick(), Map.of("v", "second"))));
    engine.broker.submit(List.of(job("default", "a", quick(), Map.of("v", "third"))));
    engine.broker.submit(List.of(job("email", "a", quick(), Map.of("v", "email"))));

    assertThat(count("default", JobState.WAITING)).isEqualTo(1);
    assertThat(details("default", "a").payload()).containsEntry("v", "first");
    assertThat(details("default", "a").requestId()).isEqualTo("req-a");
    assertThat(details("email", "a").payload()).containsEntry("v", "email");

    // Completed, it is still the same job: a replay of the outbox adds nothing.
    engine.startWorkers(QueueEngineFixture.fastSettings());
    await().atMost(WAIT).until(() -> state("default", "a") == JobState.COMPLETED);
    await().atMost(WAIT).until(() -> state("email", "a") == JobState.COMPLETED);
    engine.broker.submit(List.of(job("default", "a", quick(), Map.of("v", "again"))));
    assertThat(count("default", JobState.WAITING)).isZero();
    assertThat(engine.runs).hasSize(2); // once per queue
  }

  static OutboxJobs jobs() {
    return new OutboxJobs();
  }

  static final class OutboxJobs {
    final List<dev.worklane.application.port.out.OutboxJob> list = new ArrayList<>();

    OutboxJobs add(String id, int priority) {
      list.add(job("default", id, quick().withPriority(priority)));
      return this;
    }
  }

  @Test
  void lowerPriorityNumbersRunFirstAndFifoWithinAPriority() {
    engine.broker.submit(
        jobs().add("p1-a", 1).add("p0-a", 0).add("p2-a", 2).add("p1-b", 1).add("p0-b", 0).list);
    engine.broker.submit(jobs().add("p0-c", 0).list);

    List<String> order = List.of("p0-a", "p0-b", "p0-c", "p1-a", "p1-b", "p2-a");
    assertThat(ids("default", JobState.WAITING)).containsExactlyElementsOf(order);

    QueueSettings one =
        new QueueSettings(
            true,
            Map.of("default", 1),
            null,
            null,
            Duration.ofMillis(100),
            null,
            null,
            null,
            null,
            Duration.ofMillis(500),
            0);
    engine.startWorkers(one);
    await().atMost(WAIT).until(() -> engine.runs.size() == 6);
    assertThat(engine.runs.stream().map(Run::id)).containsExactlyElementsOf(order);
  }

  @Test
  void aDelayedJobWaitsForItsTimeAndPromoteMakesItRunnableNow() {
    long submitted = System.currentTimeMillis();
    engine.broker.submit(
        List.of(
            job("default", "soon", quick().withDelay(Duration.ofMillis(400))),
            job("default", "later", quick().withDelay(Duration.ofHours(1)))));
    assertThat(ids("default", JobState.DELAYED)).containsExactly("soon", "later");
    assertThat(details("default", "later").summary().processAt())
        .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));

    engine.startWorkers(QueueEngineFixture.fastSettings());
    await().atMost(WAIT).until(() -> state("default", "soon") == JobState.COMPLETED);
    Run soon = engine.runs.getFirst();
    assertThat(soon.startedAt() - submitted).isGreaterThanOrEqualTo(400);
    assertThat(state("default", "later")).isEqualTo(JobState.DELAYED);

    assertThat(engine.control.promote("default", "later")).isEqualTo(Outcome.DONE);
    await().atMost(WAIT).until(() -> state("default", "later") == JobState.COMPLETED);
    assertThat(engine.control.promote("default", "later")).isEqualTo(Outcome.WRONG_STATE);
    assertThat(engine.control.promote("default", "nope")).isEqualTo(Outcome.NOT_FOUND);
  }

  @Test
  void aDelayCountsFromTheEnqueueSoAnOverdueJobWaitsNoMore() {
    var overdue =
        new dev.worklane.application.port.out.OutboxJob(
            "overdue",
            dev.worklane.application.port.out.JobRequest.of("default", "test.run", Map.of())
                .with(quick().withDelay(Duration.ofMinutes(1))),
            null,
            java.time.Instant.now().minus(Duration.ofMinutes(2)));
    engine.broker.submit(List.of(overdue));
    assertThat(ids("default", JobState.WAITING)).containsExactly("overdue");
    assertThat(details("default", "overdue").requestId()).isNull();
  }

  @Test
  void aFailingJobIsRetriedAfterBackoffTimesThreeAndFailsWhenAttemptsAreUsedUp() {
    engine.behaviours.put(
        "flaky",
        j -> {
          throw new IllegalStateException("boom " + j.attempt());
        });
    engine.broker.submit(
        List.of(
            job("default", "flaky", quick().withAttempts(3).withBackoff(Duration.ofMillis(200)))));
    engine.startWorkers(QueueEngineFixture.fastSettings());

    await().atMost(WAIT).until(() -> state("default", "flaky") == JobState.FAILED);
    assertThat(engine.runs).extracting(Run::attempt).containsExactly(1, 2, 3);
    long first = engine.runs.get(1).startedAt() - engine.runs.get(0).startedAt();
    long second = engine.runs.get(2).startedAt() - engine.runs.get(1).startedAt();
    // 200 ms then 600 ms (backoff × 3^(n−1)): never earlier; a busy machine may add a little.
    assertThat(first).isBetween(200L, 200L + 1000);
    assertThat(second).isBetween(600L, 600L + 1000);

    JobDetails failed = details("default", "flaky");
    assertThat(failed.summary().attemptsMade()).isEqualTo(3);
    assertThat(failed.summary().maxAttempts()).isEqualTo(3);
    assertThat(failed.summary().failedReason()).isEqualTo("boom 3");
    assertThat(failed.summary().finishedAt()).isNotNull();
    assertThat(failed.stacktrace())
        .startsWith("java.lang.IllegalStateException: boom 3")
        .contains("RedisJobEngineIT");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(counter("worklane.queue.jobs.retried", "default")).isEqualTo(2);
              assertThat(counter("worklane.queue.jobs.failed", "default")).isEqualTo(1);
            });
  }

  @Test
  void theRetryScheduleIsBackoffTimesThreeToTheRetryMinusOne() {
    engine.broker.submit(
        List.of(
            job("default", "sched", quick().withAttempts(4).withBackoff(Duration.ofSeconds(10)))));
    for (long expected : new long[] {10_000, 30_000, 90_000}) {
      Taken taken = engine.take("default", 1, 1000).getFirst();
      long before = System.currentTimeMillis();
      assertThat(engine.finish("default", "sched", taken.token(), AttemptOutcome.FAILED))
          .isEqualTo(FinishCode.RETRIED);
      long after = System.currentTimeMillis();
      JobSummary delayed = details("default", "sched").summary();
      assertThat(delayed.state()).isEqualTo(JobState.DELAYED);
      assertThat(delayed.processAt().toEpochMilli()).isBetween(before + expected, after + expected);
      assertThat(engine.control.promote("default", "sched")).isEqualTo(Outcome.DONE);
    }
    Taken last = engine.take("default", 1, 1000).getFirst();
    assertThat(last.attempt()).isEqualTo(4);
    assertThat(engine.finish("default", "sched", last.token(), AttemptOutcome.FAILED))
        .isEqualTo(FinishCode.FAILED);
    assertThat(state("default", "sched")).isEqualTo(JobState.FAILED);
  }

  double counter(String name, String queue) {
    return engine.meters.counter(name, "queue", queue).count();
  }

  @Test
  void anAttemptPastItsTimeoutIsCancelledFailedAndRetried() {
    AtomicBoolean sawCancel = new AtomicBoolean();
    engine.behaviours.put(
        "slow",
        j -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            sawCancel.set(j.cancelled());
            throw e;
          }
        });
    engine.broker.submit(
        List.of(
            job("default", "slow", quick().withAttempts(2).withTimeout(Duration.ofMillis(300)))));
    engine.startWorkers(QueueEngineFixture.fastSettings());

    await().atMost(WAIT).until(() -> state("default", "slow") == JobState.FAILED);
    assertThat(engine.runs).extracting(Run::attempt).containsExactly(1, 2);
    assertThat(details("default", "slow").summary().failedReason())
        .isEqualTo("timed out after 300 ms");
    assertThat(sawCancel).isTrue();
  }

  @Test
  void aPermanentFailureAndAnUnknownTypeFailAtOnce() {
    engine.behaviours.put(
        "bad",
        j -> {
          throw new PermanentJobFailure("bad data");
        });
    engine.broker.submit(
        List.of(
            job("email", "bad", quick()),
            job("email", "alien", "test.unknown", quick(), Map.of())));
    engine.startWorkers(QueueEngineFixture.fastSettings());

    await().atMost(WAIT).until(() -> state("email", "bad") == JobState.FAILED);
    await().atMost(WAIT).until(() -> state("email", "alien") == JobState.FAILED);
    assertThat(details("email", "bad").summary().attemptsMade()).isEqualTo(1);
    assertThat(details("email", "bad").summary().failedReason()).isEqualTo("bad data");
    assertThat(details("email", "alien").summary().failedReason())
        .isEqualTo("no handler for job type test.unknown");
    assertThat(details("email", "alien").summary().attemptsMade()).isEqualTo(1);
  }

  @Test
  void progressIsClampedAndLogLinesAreKeptUpToTheCap() {
    engine.behaviours.put(
        "chatty",
        j -> {
          j.progress(40);
          for (int i = 1; i <= 8; i++) {
            j.log("line " + i);
          }
          j.progress(150);
        });
    engine.broker.submit(List.of(job("default", "chatty", quick())));
    engine.startWorkers(QueueEngineFixture.fastSettings());

    await().atMost(WAIT).until(() -> state("default", "chatty") == JobState.COMPLETED);
    JobDetails done = details("default", "chatty");
    assertThat(done.summary().progress()).isEqualTo(100);
    // the fixture keeps 5 lines per job: the oldest are dropped
    assertThat(done.logs()).containsExactly("line 4", "line 5", "line 6", "line 7", "line 8");
    assertThat(engine.runs.getFirst().jobIdInMdc()).isEqualTo("chatty");
    assertThat(engine.runs.getFirst().requestId()).isEqualTo("req-chatty");
  }

  @Test
  void aPausedQueueHandsOutNothingUntilResumed() {
    engine.control.pause("default");
    engine.broker.submit(List.of(job("default", "held", quick())));

    assertThat(engine.take("default", 10, 1000)).isEmpty();
    assertThat(engine.control.overview().getFirst().paused()).isTrue();
    assertThat(state("default", "held")).isEqualTo(JobState.WAITING);

    engine.startWorkers(QueueEngineFixture.fastSettings());
    engine.control.resume("default");
    await().atMost(WAIT).until(() -> state("default", "held") == JobState.COMPLETED);
    assertThat(engine.control.overview().getFirst().paused()).isFalse();
  }

  @Test
  void adminActionsAnswerDoneNotFoundOrWrongState() {
    engine.behaviours.put(
        "*",
        j -> {
          throw new PermanentJobFailure("no");
        });
    engine.broker.submit(
        List.of(
            job("default", "f1", quick()),
            job("default", "f2", quick()),
            job("default", "f3", quick())));
    JobWorkers workers = engine.startWorkers(QueueEngineFixture.fastSettings());
    await().atMost(WAIT).until(() -> count("default", JobState.FAILED) == 3);
    workers.stop();
    engine.behaviours.clear();

    // retry: failed → waiting with its attempts reset
    assertThat(engine.control.retry("default", "f1")).isEqualTo(Outcome.DONE);
    assertThat(details("default", "f1").summary().state()).isEqualTo(JobState.WAITING);
    assertThat(details("default", "f1").summary().attemptsMade()).isZero();
    assertThat(engine.control.retry("default", "f1")).isEqualTo(Outcome.WRONG_STATE);
    assertThat(engine.control.retry("default", "nope")).isEqualTo(Outcome.NOT_FOUND);
    assertThat(engine.control.retryAllFailed("default")).isEqualTo(2);
    assertThat(count("default", JobState.WAITING)).isEqualTo(3);

    // remove: any state but active
    List<Taken> taken = engine.take("default", 1, 1000);
    assertThat(taken).extracting(Taken::id).containsExactly("f1");
    assertThat(engine.control.remove("default", "f1")).isEqualTo(Outcome.WRONG_STATE);
    assertThat(engine.control.remove("default", "f2")).isEqualTo(Outcome.DONE);
    assertThat(engine.control.job("default", "f2")).isEmpty();
    assertThat(engine.control.remove("default", "f2")).isEqualTo(Outcome.NOT_FOUND);
    assertThat(engine.control.promote("default", "f3")).isEqualTo(Outcome.WRONG_STATE);

    // clean completed
    assertThat(engine.finish("default", "f1", taken.getFirst().token(), AttemptOutcome.COMPLETED))
        .isEqualTo(FinishCode.COMPLETED);
    assertThat(ids("default", JobState.COMPLETED)).containsExactly("f1");
    assertThat(engine.control.cleanCompleted("default")).isEqualTo(1);
    assertThat(engine.control.job("default", "f1")).isEmpty();
    assertThat(engine.control.remove("default", "f3")).isEqualTo(Outcome.DONE);

    QueueOverview overview = engine.control.overview().getFirst();
    assertThat(overview.name()).isEqualTo("default");
    assertThat(overview.concurrency()).isEqualTo(4);
    assertThat(overview.counts().values()).allMatch(c -> c == 0);
  }

  @Test
  void listsPageNewestFirstForFinishedJobs() {
    engine.broker.submit(
        List.of(
            job("default", "j1", quick()),
            job("default", "j2", quick()),
            job("default", "j3", quick())));
    for (String id : List.of("j1", "j2", "j3")) {
      Taken t = engine.take("default", 1, 1000).getFirst();
      assertThat(t.id()).isEqualTo(id);
      assertThat(engine.finish("default", id, t.token(), AttemptOutcome.COMPLETED))
          .isEqualTo(FinishCode.COMPLETED);
      sleepMillis(5); // distinct finish times for the order below
    }
    var page1 = engine.control.jobs("default", JobState.COMPLETED, new PageRequest(1, 2));
    var page2 = engine.control.jobs("default", JobState.COMPLETED, new PageRequest(2, 2));
    assertThat(page1.total()).isEqualTo(3);
    assertThat(page1.jobs()).extracting(JobSummary::id).containsExactly("j3", "j2");
    assertThat(page2.jobs()).extracting(JobSummary::id).containsExactly("j1");
    assertThat(page1.jobs().getFirst().finishedAt()).isNotNull();
    assertThat(page1.jobs().getFirst().processAt()).isNull();
  }

  @Test
  void aJobWhoseWorkerDiedIsRecoveredAndTheStaleWorkerCannotOverwriteTheNewAttempt() {
    engine.broker.submit(
        List.of(
            job(
                "default",
                "orphan",
                quick().withTimeout(Duration.ofMillis(100)).withBackoff(Duration.ofMillis(10)))));
    Taken dead = engine.take("default", 1, 50).getFirst(); // lease: 150 ms, then "kill -9"
    assertThat(dead.attempt()).isEqualTo(1);

    // An API-only instance still runs the stalled check.
    engine.startWorkers(QueueEngineFixture.fastSettings().withWorkersEnabled(false));
    await()
        .atMost(WAIT)
        .until(() -> details("default", "orphan").summary().state() != JobState.ACTIVE);
    JobDetails recovered = details("default", "orphan");
    assertThat(recovered.summary().failedReason()).isEqualTo("stalled: worker lost");
    assertThat(recovered.summary().attemptsMade()).isEqualTo(1);

    await().atMost(WAIT).until(() -> !engine.take("default", 1, 60_000).isEmpty());
    JobDetails active = details("default", "orphan");
    assertThat(active.summary().state()).isEqualTo(JobState.ACTIVE);
    assertThat(active.summary().attemptsMade()).isEqualTo(2);

    // The first worker comes back and reports: ignored, whatever it says.
    assertThat(engine.finish("default", "orphan", dead.token(), AttemptOutcome.COMPLETED))
        .isEqualTo(FinishCode.IGNORED);
    assertThat(engine.finish("default", "orphan", dead.token(), AttemptOutcome.FAILED))
        .isEqualTo(FinishCode.IGNORED);
    assertThat(state("default", "orphan")).isEqualTo(JobState.ACTIVE);
  }

  @Test
  void theStaleWorkersCompletionIsIgnoredAndTheCurrentOneCounts() {
    engine.broker.submit(
        List.of(
            job(
                "default",
                "fenced",
                quick().withTimeout(Duration.ofMillis(50)).withBackoff(Duration.ofMillis(0)))));
    Taken first = engine.take("default", 1, 0).getFirst();
    engine.startWorkers(QueueEngineFixture.fastSettings().withWorkersEnabled(false));
    await().atMost(WAIT).until(() -> state("default", "fenced") != JobState.ACTIVE);
    List<Taken> again = new ArrayList<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              again.addAll(engine.take("default", 1, 60_000));
              return !again.isEmpty();
            });
    Taken second = again.getFirst();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.token()).isNotEqualTo(first.token());

    assertThat(engine.finish("default", "fenced", first.token(), AttemptOutcome.FAILED))
        .isEqualTo(FinishCode.IGNORED);
    assertThat(engine.finish("default", "fenced", second.token(), AttemptOutcome.COMPLETED))
        .isEqualTo(FinishCode.COMPLETED);
    assertThat(state("default", "fenced")).isEqualTo(JobState.COMPLETED);
    assertThat(engine.finish("default", "fenced", first.token(), AttemptOutcome.COMPLETED))
        .isEqualTo(FinishCode.IGNORED);
  }

  @Test
  void twoInstancesShareAQueueAndRunEveryJobExactlyOnce() {
    int jobs = 500;
    Map<String, AtomicInteger> runsOfA = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> runsOfB = new ConcurrentHashMap<>();
    engine.behaviours.put(
        "*",
        j -> {
          runsOfA.computeIfAbsent(j.id(), id -> new AtomicInteger()).incrementAndGet();
          Thread.sleep(ThreadLocalRandom.current().nextLong(1, 6));
        });
    JobHandler handlerOfB =
        new JobHandler() {
          @Override
          public String type() {
            return "test.run";
          }

          @Override
          public void handle(Job job) throws Exception {
            runsOfB.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 6));
          }
        };
    engine.startWorkers(QueueEngineFixture.fastSettings());
    engine.startOtherInstance(
        QueueEngineFixture.fastSettings(), new JobHandlers(List.of(handlerOfB)));
    List<dev.worklane.application.port.out.OutboxJob> batch = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      batch.add(job("default", "both-" + i, quick()));
    }
    engine.broker.submit(batch);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("default", JobState.COMPLETED) == jobs);
    assertThat(count("default", JobState.WAITING)).isZero();
    assertThat(count("default", JobState.ACTIVE)).isZero();
    assertThat(count("default", JobState.FAILED)).isZero();
    Map<String, Integer> executions = new HashMap<>();
    runsOfA.forEach((id, n) -> executions.merge(id, n.get(), Integer::sum));
    runsOfB.forEach((id, n) -> executions.merge(id, n.get(), Integer::sum));
    assertThat(executions).hasSize(jobs);
    assertThat(executions.entrySet())
        .as("jobs run more than once")
        .filteredOn(e -> e.getValue() != 1)
        .isEmpty();
    assertThat(runsOfA).as("jobs run by instance A").isNotEmpty();
    assertThat(runsOfB).as("jobs run by instance B").isNotEmpty();
    System.out.printf(
        "twoInstances: %d jobs, instance A ran %d, instance B ran %d%n",
        jobs, runsOfA.size(), runsOfB.size());
  }

  @Test
  void completedJobsAreSweptAfterTheirRetentionAndFailedOnesAreKept() {
    QueueSettings shortRetention =
        new QueueSettings(
            true,
            null,
            Duration.ofMillis(600),
            null,
            Duration.ofMillis(100),
            null,
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            Duration.ofMillis(500),
            0);
    engine.behaviours.put(
        "broken",
        j -> {
          throw new PermanentJobFailure("no");
        });
    engine.broker.submit(
        List.of(job("default", "done", quick()), job("default", "broken", quick())));
    long start = System.currentTimeMillis();
    engine.startWorkers(shortRetention);

    await().atMost(WAIT).until(() -> state("default", "done") == JobState.COMPLETED);
    await().atMost(WAIT).until(() -> engine.control.job("default", "done").isEmpty());
    assertThat(System.currentTimeMillis() - start).isGreaterThanOrEqualTo(600);
    assertThat(state("default", "broken")).isEqualTo(JobState.FAILED);
  }

  @Test
  void failedJobsAreSweptWhenARetentionIsSet() {
    QueueSettings failedRetention =
        new QueueSettings(
            true,
            null,
            null,
            Duration.ofMillis(200),
            Duration.ofMillis(100),
            null,
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            Duration.ofMillis(500),
            0);
    engine.behaviours.put(
        "broken",
        j -> {
          throw new PermanentJobFailure("no");
        });
    engine.broker.submit(List.of(job("default", "broken", quick())));
    engine.startWorkers(failedRetention);
    await().atMost(WAIT).until(() -> engine.runs.size() == 1);
    await().atMost(WAIT).until(() -> engine.control.job("default", "broken").isEmpty());
  }

  @Test
  void aStoppingInstanceHandsRunningJobsBackWithoutConsumingTheAttempt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean block = new AtomicBoolean(true);
    engine.behaviours.put(
        "long",
        j -> {
          if (block.get()) {
            started.countDown();
            while (!j.cancelled()) {
              Thread.sleep(10_000);
            }
          }
        });
    engine.behaviours.put("short", j -> Thread.sleep(100));
    engine.broker.submit(
        List.of(job("default", "long", quick()), job("default", "short", quick())));
    JobWorkers first = engine.startWorkers(QueueEngineFixture.fastSettings());
    assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    long stopping = System.currentTimeMillis();
    first.stop(); // grace 300 ms: "short" finishes inside it, "long" does not
    assertThat(System.currentTimeMillis() - stopping).isGreaterThanOrEqualTo(300);
    assertThat(state("default", "short")).isEqualTo(JobState.COMPLETED);
    JobDetails handedBack = details("default", "long");
    assertThat(handedBack.summary().state()).isEqualTo(JobState.WAITING);
    assertThat(handedBack.summary().attemptsMade()).isZero();

    block.set(false);
    engine.startWorkers(QueueEngineFixture.fastSettings());
    await().atMost(WAIT).until(() -> state("default", "long") == JobState.COMPLETED);
    assertThat(engine.runs.stream().filter(r -> r.id().equals("long")))
        .extracting(Run::attempt)
        .containsExactly(1, 1);
  }

  @Test
  void metersCountOutcomesTimeJobsAndGaugeStatesFromASnapshot() {
    engine.behaviours.put(
        "bad",
        j -> {
          throw new PermanentJobFailure("no");
        });
    engine.control.pause("email");
    engine.broker.submit(List.of(job("email", "e1", quick()), job("email", "e2", quick())));
    engine.broker.submit(
        List.of(
            job("default", "ok1", quick()),
            job("default", "ok2", quick()),
            job("default", "bad", quick()),
            job("default", "later", quick().withDelay(Duration.ofHours(1)))));
    engine.startWorkers(QueueEngineFixture.fastSettings());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(counter("worklane.queue.jobs.completed", "default")).isEqualTo(2);
              assertThat(counter("worklane.queue.jobs.failed", "default")).isEqualTo(1);
              assertThat(gauge("email", "waiting")).isEqualTo(2);
              assertThat(gauge("default", "delayed")).isEqualTo(1);
              assertThat(gauge("default", "failed")).isEqualTo(1);
              assertThat(gauge("default", "waiting")).isZero();
              assertThat(gauge("default", "active")).isZero();
            });
    assertThat(engine.meters.timer("worklane.queue.job.duration", "queue", "default").count())
        .isEqualTo(3);
    assertThat(engine.meters.timer("worklane.queue.job.wait", "queue", "default").count())
        .isEqualTo(3);
    assertThat(engine.connections.queueBreaker().failures()).isZero();
  }

  double gauge(String queue, String state) {
    return engine
        .meters
        .get("worklane.queue.jobs")
        .tags("queue", queue, "state", state)
        .gauge()
        .value();
  }

  @Test
  void everyKeyOfAQueueCarriesItsHashTagSoScriptsTouchOneClusterSlot() {
    engine.broker.submit(
        List.of(
            job("email", "k1", quick()),
            job("email", "k2", quick().withDelay(Duration.ofHours(1))),
            job("high-priority", "k3", quick())));
    engine.control.pause("email");
    Taken taken = engine.take("high-priority", 1, 1000).getFirst();
    engine.finish("high-priority", "k3", taken.token(), AttemptOutcome.COMPLETED);
    engine.startWorkers(QueueEngineFixture.fastSettings().withWorkersEnabled(false));

    List<String> keys = new ArrayList<>();
    engine.connections.queues().getKeys().getKeysByPattern(engine.prefix + "*").forEach(keys::add);
    assertThat(keys)
        .contains(engine.prefix + "q:{email}:job:k1", engine.prefix + "q:{email}:meta")
        .hasSizeGreaterThanOrEqualTo(6);
    for (String key : keys) {
      String queue = key.contains("{email}") ? "email" : "high-priority";
      assertThat(key).startsWith(engine.prefix + "q:{" + queue + "}:");
      assertThat(Crc16.slot(key)).isEqualTo(Crc16.slot("{" + queue + "}"));
    }
  }

  static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
