package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer of {@code bullmq-bench.js}: enqueue N no-op jobs in batches through the broker, drain
 * them with one worker set at the given concurrency, print {@code jobs/s enqueue=N process=N
 * total=N} (and nothing else on stdout). A job counts as processed once Redis recorded its
 * completion, as BullMQ's "completed" event does; "total" is N over enqueue plus process time.
 *
 * <p>Usage: {@code java -cp … QueueBenchmark [jobs=10000] [concurrency=50] [batch=1000]}; Redis
 * from {@code WORKLANE_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}, db 2, own prefix,
 * deleted afterwards). {@code -Dretention=PT24H} keeps completed jobs like production (default
 * {@code PT0S}: deleted on completion, as the peer's {@code removeOnComplete: true}). {@code
 * -Dwarmup=N} first runs the same cycle with N jobs unmeasured (a long-running server's JIT is
 * warm; the default 0 measures a cold JVM like the peer's fresh node process). {@code -Dtrace=true}
 * prints on stderr when each thousand jobs had completed.
 */
public final class QueueBenchmark {
  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int warmup = Integer.getInteger("warmup", 0);
    if (warmup > 0) {
      run(warmup, concurrency, batch);
    }
    long[] nanos = run(jobs, concurrency, batch);
    System.out.printf(
        "jobs/s enqueue=%d process=%d total=%d%n",
        perSecond(jobs, nanos[0]), perSecond(jobs, nanos[1]), perSecond(jobs, nanos[0] + nanos[1]));
  }

  /** Returns {enqueue, process} in nanoseconds. */
  private static long[] run(int jobs, int concurrency, int batch) throws Exception {
    Duration retention = Duration.parse(System.getProperty("retention", "PT0S"));
    String url = System.getenv().getOrDefault("WORKLANE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    String prefix = "wl-bench-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    Clock clock = Clock.systemUTC();
    RedisConnections connections =
        new RedisConnections(
            new RedisSettings(
                url, null, 0, 1, 2, prefix, Duration.ofSeconds(2), Duration.ofSeconds(5)),
            clock);
    AtomicLong checksum = new AtomicLong();
    JobHandlers handlers =
        new JobHandlers(
            List.of(
                new JobHandler() {
                  @Override
                  public String type() {
                    return "bench.noop";
                  }

                  @Override
                  public void handle(Job job) {
                    checksum.addAndGet(2L * Integer.parseInt(job.payload().get("i")));
                  }
                }));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    QueueSettings settings =
        new QueueSettings(
            true,
            Map.of(JobRequest.DEFAULT_QUEUE, concurrency),
            retention,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    QueueScripts scripts = new QueueScripts(connections.queues(), prefix);
    RedisJobBrokerAdapter broker =
        new RedisJobBrokerAdapter(scripts, connections.queueBreaker(), clock);
    JobWorkers workers =
        new JobWorkers(scripts, handlers, settings, connections.queueBreaker(), meters, clock);
    try {
      List<OutboxJob> all = new ArrayList<>(jobs);
      Instant now = Instant.now();
      for (int i = 0; i < jobs; i++) {
        all.add(
            new OutboxJob(
                "job-" + i,
                new JobRequest(
                    JobRequest.DEFAULT_QUEUE,
                    "bench.noop",
                    Map.of("i", Integer.toString(i)),
                    JobOptions.defaults()),
                null,
                now));
      }
      // Connected and scripts loaded before the clock starts, as the peer's waitUntilReady().
      new RedisQueueControlAdapter(scripts, settings, connections.queueBreaker(), clock).overview();

      long t0 = System.nanoTime();
      for (int from = 0; from < jobs; from += batch) {
        broker.submit(all.subList(from, Math.min(jobs, from + batch)));
      }
      long t1 = System.nanoTime();

      Counter completed = meters.counter("worklane.queue.jobs.completed", "queue", "default");
      long t2 = System.nanoTime();
      workers.start();
      long nextMark = 1;
      while (completed.count() < jobs) {
        Thread.sleep(1); // at most 1 ms late on a run of about a second
        if (Boolean.getBoolean("trace") && completed.count() >= nextMark) {
          System.err.printf(
              "TRACE %6.0f jobs at %4d ms%n",
              completed.count(), (System.nanoTime() - t2) / 1_000_000);
          nextMark = nextMark == 1 ? 1000 : nextMark + 1000;
        }
      }
      long t3 = System.nanoTime();
      long expected = (long) jobs * (jobs - 1);
      if (checksum.get() != expected) {
        throw new IllegalStateException("checksum " + checksum.get() + " != " + expected);
      }
      return new long[] {t1 - t0, t3 - t2};
    } finally {
      workers.stop();
      connections.queues().getKeys().deleteByPattern(prefix + "*");
      connections.close();
    }
  }

  private static long perSecond(int jobs, long nanos) {
    return Math.round(jobs / (nanos / 1e9));
  }
}
