package dev.worklane.adapter.out.redis.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The engine's Lua scripts, each run with EVALSHA (loaded once, reloaded after a Redis restart
 * flushed the script cache). Every state transition is one script, so it is atomic.
 */
final class QueueScripts {
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

  private final RScript script;
  private final ConcurrentMap<Script, String> shas = new ConcurrentHashMap<>();

  QueueScripts(RedissonClient redis) {
    this.script = redis.getScript(StringCodec.INSTANCE);
  }

  /** Loads scripts now (where a blocking call is fine), so their round trips need no load. */
  void preload(Script... scripts) {
    for (Script which : scripts) {
      shas.computeIfAbsent(which, s -> script.scriptLoad(s.source));
    }
  }

  /** Runs a script on the queue's keys; {@code args} follow the key base and the clock. */
  List<Object> run(Script which, QueueKeys keys, long now, Object... args) {
    return run(which, RScript.ReturnType.LIST, keys, now, args);
  }

  /** Runs a script that answers one string (JSON: cheaper to move than a long array reply). */
  String runForString(Script which, QueueKeys keys, long now, Object... args) {
    return run(which, RScript.ReturnType.VALUE, keys, now, args);
  }

  /**
   * The same without blocking: safe to call from a Redis client thread (loading and reloading the
   * script are asynchronous too).
   */
  CompletionStage<String> runForStringAsync(
      Script which, QueueKeys keys, long now, Object... args) {
    Object[] values = values(keys, now, args);
    String sha = shas.get(which);
    CompletionStage<String> loaded =
        sha != null ? CompletableFuture.completedFuture(sha) : load(which);
    return loaded
        .thenCompose(s -> evalShaAsync(s, keys.keys(), values))
        .exceptionallyCompose(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (cause.getMessage() == null || !cause.getMessage().contains("NOSCRIPT")) {
                return CompletableFuture.failedFuture(cause);
              }
              shas.remove(which);
              return load(which).thenCompose(s -> evalShaAsync(s, keys.keys(), values));
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

  private static Object[] values(QueueKeys keys, long now, Object[] args) {
    Object[] values = new Object[args.length + 2];
    values[0] = keys.base();
    values[1] = Long.toString(now);
    System.arraycopy(args, 0, values, 2, args.length);
    return values;
  }

  private <R> R run(
      Script which, RScript.ReturnType returnType, QueueKeys keys, long now, Object... args) {
    Object[] values = values(keys, now, args);
    String sha = shas.computeIfAbsent(which, s -> script.scriptLoad(s.source));
    try {
      return evalSha(sha, returnType, keys.keys(), values);
    } catch (RedisException e) {
      if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
        throw e;
      }
      String reloaded = script.scriptLoad(which.source);
      shas.put(which, reloaded);
      return evalSha(reloaded, returnType, keys.keys(), values);
    }
  }

  private <R> R evalSha(
      String sha, RScript.ReturnType returnType, List<Object> keys, Object[] values) {
    return script.evalSha(
        (String) keys.get(0), RScript.Mode.READ_WRITE, sha, returnType, keys, values);
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
