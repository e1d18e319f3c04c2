package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.ScriptReplies.Applied;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Count;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.FinishAndTake;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.JobHash;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Overview;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Page;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Stalled;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The engine's Redis protocol, in one place for the whole instance: its keys, its Lua scripts (each
 * run with EVALSHA, loaded once, reloaded after a Redis restart flushed the script cache) with
 * their arguments written and their replies decoded ({@link ScriptReplies}), and the channel the
 * scripts publish "jobs added" on. Every state transition is one script, so it is atomic. Broker,
 * dashboard control and workers share one instance.
 */
public final class QueueScripts {
  enum Script {
    SUBMIT("submit"),
    FINISH_AND_TAKE("finish_and_take"),
    STALLED("stalled"),
    PROGRESS("progress"),
    LOG("log"),
    SWEEP("sweep"),
    OVERVIEW("overview"),
    LIST("list"),
    JOB("job"),
    CONTROL("control");

    final String source;

    Script(String file) {
      this.source = read("common") + "\n" + read(file);
    }
  }

  /** The actions of {@code control.lua}. */
  enum Control {
    PAUSE("pause"),
    RESUME("resume"),
    RETRY("retry"),
    PROMOTE("promote"),
    REMOVE("remove"),
    RETRY_ALL("retry-all"),
    CLEAN("clean");

    final String wire;

    Control(String wire) {
      this.wire = wire;
    }
  }

  /** One attempt's outcome as the next round trip reports it. */
  record Finish(String id, String token, AttemptOutcome outcome, String reason, String stack) {}

  private final RedissonClient redis;
  private final RScript script;
  private final Map<String, QueueKeys> keys = new LinkedHashMap<>();
  private final ConcurrentMap<Script, String> shas = new ConcurrentHashMap<>();

  public QueueScripts(RedissonClient redis, String keyPrefix) {
    this.redis = redis;
    this.script = redis.getScript(StringCodec.INSTANCE);
    for (String queue : JobRequest.QUEUES) {
      keys.put(queue, QueueKeys.of(keyPrefix, queue));
    }
  }

  QueueKeys keys(String queue) {
    QueueKeys k = keys.get(queue);
    if (k == null) {
      throw new IllegalArgumentException("unknown queue: " + queue);
    }
    return k;
  }

  /** Where the scripts announce that a queue's jobs became runnable. */
  RTopic events(String queue) {
    return redis.getTopic(keys(queue).events(), StringCodec.INSTANCE);
  }

  /** Loads scripts now (where a blocking call is fine), so their round trips need no load. */
  void preload(Script... scripts) {
    for (Script which : scripts) {
      shas.computeIfAbsent(which, s -> script.scriptLoad(s.source));
    }
  }

  /** Adds the jobs whose id is new to the queue; returns how many were. */
  long submit(String queue, long now, List<OutboxJob> batch) {
    List<String[]> rows = new ArrayList<>(batch.size());
    for (OutboxJob job : batch) {
      JobOptions options = job.request().options();
      rows.add(
          new String[] {
            job.id(),
            job.request().type(),
            LuaJson.stringMap(job.request().payload()),
            job.requestId() == null ? "" : job.requestId(),
            Integer.toString(options.priority()),
            Integer.toString(options.attempts()),
            Long.toString(options.backoff().toMillis()),
            Long.toString(options.timeout().toMillis()),
            Long.toString(job.enqueuedAt().toEpochMilli()),
            Long.toString(job.enqueuedAt().plus(options.delay()).toEpochMilli())
          });
    }
    return Count.decode("submit", run(Script.SUBMIT, queue, now, LuaJson.rows(rows))).value();
  }

  /**
   * A worker's round trip, without blocking (safe from a Redis client thread; loading and reloading
   * the script are asynchronous too): reports {@code finishes}, takes up to {@code take} jobs. The
   * reply is decoded on {@code replies}, never on the client's I/O thread.
   */
  CompletionStage<FinishAndTake> finishAndTake(
      String queue,
      long now,
      List<Finish> finishes,
      int take,
      Duration leaseGrace,
      Duration completedRetention,
      Executor replies) {
    List<String[]> rows = new ArrayList<>(finishes.size());
    for (Finish f : finishes) {
      rows.add(new String[] {f.id(), f.token(), f.outcome().wire(), f.reason(), f.stack()});
    }
    return runAsync(
            Script.FINISH_AND_TAKE,
            keys(queue),
            values(
                keys(queue),
                now,
                LuaJson.rows(rows),
                Integer.toString(take),
                Long.toString(leaseGrace.toMillis()),
                Long.toHexString(ThreadLocalRandom.current().nextLong()),
                Long.toString(completedRetention.toMillis())))
        .handleAsync(
            (json, error) -> {
              if (error != null) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
              }
              return FinishAndTake.decode(parseReply(json));
            },
            replies);
  }

  /** The JSON of {@code finish_and_take.lua}'s reply; unreadable JSON is a malformed reply. */
  static Object parseReply(String json) {
    try {
      return LuaJson.parse(json);
    } catch (RuntimeException e) {
      throw new MalformedReplyException(FinishAndTake.SCRIPT, "not JSON", e);
    }
  }

  /** Recovers up to {@code limit} active jobs whose lease expired. */
  Stalled stalled(String queue, long now, int limit) {
    return Stalled.decode(run(Script.STALLED, queue, now, Integer.toString(limit)));
  }

  /** Deletes up to {@code limit} jobs of {@code state} finished at or before {@code cutoff}. */
  long sweep(String queue, long now, JobState state, long cutoff, int limit) {
    return Count.decode(
            "sweep",
            run(
                Script.SWEEP,
                queue,
                now,
                state.label(),
                Long.toString(cutoff),
                Integer.toString(limit)))
        .value();
  }

  Overview overview(String queue, long now) {
    return Overview.decode(run(Script.OVERVIEW, queue, now));
  }

  /** Jobs {@code start..stop} (inclusive) of one state, oldest or newest first. */
  Page list(String queue, long now, JobState state, long start, long stop, boolean newestFirst) {
    return Page.decode(
        run(
            Script.LIST,
            queue,
            now,
            state.label(),
            Long.toString(start),
            Long.toString(stop),
            newestFirst ? "1" : "0"));
  }

  Optional<JobHash> job(String queue, long now, String id) {
    return Optional.ofNullable(JobHash.decode(run(Script.JOB, queue, now, id)));
  }

  /**
   * An action on one job ({@link Control#RETRY}, {@link Control#PROMOTE}, {@link Control#REMOVE}).
   */
  ControlCode control(String queue, long now, Control action, String id) {
    return ScriptReplies.decodeControl(run(Script.CONTROL, queue, now, action.wire, id));
  }

  /** A queue action ({@link Control#PAUSE}, {@link Control#RESUME}). */
  void control(String queue, long now, Control action) {
    ScriptReplies.decodeControl(run(Script.CONTROL, queue, now, action.wire, ""));
  }

  /** A batch action ({@link Control#RETRY_ALL}, {@link Control#CLEAN}) on up to {@code limit}. */
  long controlBatch(String queue, long now, Control action, int limit) {
    return Count.decode(
            "control", run(Script.CONTROL, queue, now, action.wire, Integer.toString(limit)))
        .value();
  }

  /** Writes progress while {@code token} is the job's lease; false when it is not anymore. */
  boolean progress(String queue, long now, String id, String token, int percent) {
    return Applied.decode(
            "progress", run(Script.PROGRESS, queue, now, token, Integer.toString(percent), id))
        .written();
  }

  /** Appends a log line while {@code token} is the job's lease, keeping the last {@code keep}. */
  boolean log(String queue, long now, String id, String token, String line, int keep) {
    return Applied.decode(
            "log", run(Script.LOG, queue, now, token, line, id, Integer.toString(keep)))
        .written();
  }

  private List<Object> run(Script which, String queue, long now, Object... args) {
    QueueKeys k = keys(queue);
    Object[] values = values(k, now, args);
    String sha = shas.computeIfAbsent(which, s -> script.scriptLoad(s.source));
    try {
      return evalSha(sha, k.keys(), values);
    } catch (RedisException e) {
      if (!noScript(e)) {
        throw e;
      }
      String reloaded = script.scriptLoad(which.source);
      shas.put(which, reloaded);
      return evalSha(reloaded, k.keys(), values);
    }
  }

  private List<Object> evalSha(String sha, List<Object> keys, Object[] values) {
    return script.evalSha(
        (String) keys.get(0), RScript.Mode.READ_WRITE, sha, RScript.ReturnType.LIST, keys, values);
  }

  /** A script that answers one string (JSON: cheaper to move than a long array reply). */
  private CompletionStage<String> runAsync(Script which, QueueKeys k, Object[] values) {
    String sha = shas.get(which);
    CompletionStage<String> loaded =
        sha != null ? CompletableFuture.completedFuture(sha) : load(which);
    return loaded
        .thenCompose(s -> evalShaAsync(s, k.keys(), values))
        .exceptionallyCompose(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (!noScript(cause)) {
                return CompletableFuture.failedFuture(cause);
              }
              shas.remove(which);
              return load(which).thenCompose(s -> evalShaAsync(s, k.keys(), values));
            });
  }

  private CompletionStage<String> load(Script which) {
    return script
        .scriptLoadAsync(which.source)
        .thenApply(
            sha -> {
              shas.put(which, sha);
              return sha;
            });
  }

  private CompletionStage<String> evalShaAsync(String sha, List<Object> keys, Object[] values) {
    return script.evalShaAsync(
        (String) keys.get(0), RScript.Mode.READ_WRITE, sha, RScript.ReturnType.VALUE, keys, values);
  }

  private static boolean noScript(Throwable e) {
    return e.getMessage() != null && e.getMessage().contains("NOSCRIPT");
  }

  /** Every script's ARGV starts with the queue's key base and the caller's clock. */
  private static Object[] values(QueueKeys keys, long now, Object... args) {
    Object[] values = new Object[args.length + 2];
    values[0] = keys.base();
    values[1] = Long.toString(now);
    System.arraycopy(args, 0, values, 2, args.length);
    return values;
  }

  private static String read(String name) {
    String path = "/dev/worklane/adapter/out/redis/queue/" + name + ".lua";
    try (InputStream in = QueueScripts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
