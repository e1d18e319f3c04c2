package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.support.RedisConnections;
import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * The worker JVM of {@link WorkerCrashIT}: the engine's {@link JobWorkers}, as an instance runs
 * them, with one handler that sleeps 5–50 ms and records in Redis that it ran (or, for a doomed
 * job, fails). The test kills this process with SIGKILL (no shutdown hook, no hand-back) and starts
 * it again.
 *
 * <p>Arguments: {@code <redis> <key prefix> <instance number>}; {@code <redis>} is a URL, or {@code
 * config:<file>} for a Redisson YAML (e.g. a Redis Cluster). It exits by itself when its standard
 * input closes (the test JVM is gone) or after {@link #MAX_LIFETIME}, so none is left behind.
 */
public final class CrashTestWorkerMain {
  static final String TYPE = "crash.run";
  static final String READY = "crash-worker ready";

  /** A job whose payload has {@code fail=doomed} fails every attempt (after its sleep). */
  static final String DOOMED = "doomed";

  static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  /** Starts: HINCRBY of the id (how many times a handler began it) and a total counter. */
  private static final String STARTED =
      "redis.call('HINCRBY', KEYS[1], ARGV[1], 1) return redis.call('INCR', KEYS[2])";

  /** Completions: HINCRBY of the id (how many times a handler finished it) and the done set. */
  private static final String COMPLETED =
      "redis.call('HINCRBY', KEYS[1], ARGV[1], 1) return redis.call('SADD', KEYS[2], ARGV[1])";

  private CrashTestWorkerMain() {}

  /**
   * The engine's timings in the test: a lease expires 200 ms after the job's timeout and is
   * recovered within 200 ms, so a killed worker's jobs run again about 2.4 s after the kill. One
   * slot per queue, so the 1 000 jobs last through several kills.
   */
  static QueueSettings settings() {
    return new QueueSettings(
        true,
        Map.of("default", 1, "email", 1, "high-priority", 1),
        Duration.ofHours(1),
        null,
        Duration.ofMillis(200),
        Duration.ofMillis(200),
        Duration.ZERO,
        Duration.ofHours(1),
        Duration.ofSeconds(5),
        Duration.ofMillis(200),
        10);
  }

  /** The test's own keys, one hash tag, so each script above touches one Cluster slot. */
  static String startsKey(String prefix) {
    return prefix + "crash:{crash}:starts";
  }

  static String startedKey(String prefix) {
    return prefix + "crash:{crash}:started";
  }

  static String completionsKey(String prefix) {
    return prefix + "crash:{crash}:completions";
  }

  static String doneKey(String prefix) {
    return prefix + "crash:{crash}:done";
  }

  /** {@code <redis>} as the worker takes it: the test Redis URL, or the configured YAML. */
  static String redisArgument() {
    String configFile = dev.worklane.adapter.out.redis.testsupport.TestRedis.configFile();
    return configFile != null
        ? "config:" + configFile
        : dev.worklane.adapter.out.redis.testsupport.TestRedis.url();
  }

  /**
   * Settings for {@code <redis>}; a YAML brings its own timeouts (Redisson's default: 3 s). The
   * worker uses the production default of 1 s.
   */
  static RedisSettings redisSettings(String redis, String prefix, Duration commandTimeout) {
    return redis.startsWith("config:")
        ? new RedisSettings(
            null,
            redis.substring("config:".length()),
            0,
            1,
            prefix,
            commandTimeout,
            Duration.ofMillis(500))
        : new RedisSettings(redis, null, 0, 1, prefix, commandTimeout, Duration.ofMillis(500));
  }

  public static void main(String[] args) throws Exception {
    String prefix = args[1];
    String instance = args.length > 2 ? args[2] : "?";
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                Thread.sleep(MAX_LIFETIME);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              System.out.println("crash-worker " + instance + ": lifetime over, halting");
              Runtime.getRuntime().halt(3);
            });
    Clock clock = Clock.systemUTC();
    RedisConnections connections =
        new RedisConnections(redisSettings(args[0], prefix, Duration.ofSeconds(1)), clock);
    RScript script = connections.queues().getScript(StringCodec.INSTANCE);
    List<Object> startKeys = List.of(startsKey(prefix), startedKey(prefix));
    List<Object> doneKeys = List.of(completionsKey(prefix), doneKey(prefix));
    JobHandler handler =
        new JobHandler() {
          @Override
          public String type() {
            return TYPE;
          }

          @Override
          public void handle(Job job) throws Exception {
            script.eval(
                startsKey(prefix),
                RScript.Mode.READ_WRITE,
                STARTED,
                RScript.ReturnType.LONG,
                startKeys,
                job.id());
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 51));
            if (DOOMED.equals(job.payload().get("fail"))) {
              throw new IllegalStateException(DOOMED);
            }
            script.eval(
                completionsKey(prefix),
                RScript.Mode.READ_WRITE,
                COMPLETED,
                RScript.ReturnType.LONG,
                doneKeys,
                job.id());
          }
        };
    JobWorkers workers =
        new JobWorkers(
            new QueueScripts(connections.queues(), prefix),
            new JobHandlers(List.of(handler)),
            settings(),
            connections.queueBreaker(),
            new SimpleMeterRegistry(),
            clock);
    workers.start();
    System.out.println(
        READY
            + " instance="
            + instance
            + " pid="
            + ProcessHandle.current().pid()
            + " uptime="
            + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
            + "ms");
    while (System.in.read() != -1) {
      // the test JVM holds the other end; EOF means it is gone
    }
    System.out.println("crash-worker " + instance + ": test JVM gone, stopping");
    workers.stop();
    connections.close();
    System.exit(0);
  }
}
