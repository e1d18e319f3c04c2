package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Script;
import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.JobSummary;
import dev.worklane.application.port.model.queue.QueueOverview;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.QueueControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's view of the engine. Reads are one script each (a consistent snapshot of a queue);
 * every change is one atomic script transition (see {@code control.lua}).
 */
public final class RedisQueueControlAdapter implements QueueControl {
  private static final int BATCH = 1000;
  private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {};

  private final QueueScripts scripts;
  private final Map<String, QueueKeys> keys = new HashMap<>();
  private final QueueSettings settings;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  public RedisQueueControlAdapter(
      RedissonClient redis,
      String keyPrefix,
      QueueSettings settings,
      CircuitBreaker breaker,
      Clock clock) {
    this.scripts = new QueueScripts(redis);
    for (String queue : JobRequest.QUEUES) {
      keys.put(queue, QueueKeys.of(keyPrefix, queue));
    }
    this.settings = settings;
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public List<QueueOverview> overview() {
    List<QueueOverview> result = new ArrayList<>();
    for (String queue : JobRequest.QUEUES) {
      List<Object> r = call("overview", () -> scripts.run(Script.OVERVIEW, keys(queue), now()));
      Map<JobState, Long> counts = new EnumMap<>(JobState.class);
      counts.put(JobState.WAITING, asLong(r.get(0)));
      counts.put(JobState.DELAYED, asLong(r.get(1)));
      counts.put(JobState.ACTIVE, asLong(r.get(2)));
      counts.put(JobState.COMPLETED, asLong(r.get(3)));
      counts.put(JobState.FAILED, asLong(r.get(4)));
      result.add(
          new QueueOverview(queue, asLong(r.get(5)) == 1, settings.concurrencyOf(queue), counts));
    }
    return result;
  }

  @Override
  public JobList jobs(String queue, JobState state, PageRequest page) {
    long start = page.offset();
    long stop = start + page.perPage() - 1;
    boolean newestFirst = state == JobState.COMPLETED || state == JobState.FAILED;
    List<Object> r =
        call(
            "jobs",
            () ->
                scripts.run(
                    Script.LIST,
                    keys(queue),
                    now(),
                    state.label(),
                    Long.toString(start),
                    Long.toString(stop),
                    newestFirst ? "1" : "0"));
    long total = asLong(r.get(0));
    List<JobSummary> jobs = new ArrayList<>();
    for (int i = 1; i + 10 < r.size(); i += 11) {
      jobs.add(summary(queue, r, i));
    }
    return new JobList(jobs, page.page(), page.perPage(), total);
  }

  private static JobSummary summary(String queue, List<Object> r, int i) {
    String stateLabel = str(r.get(i + 2));
    JobState state = stateLabel.isEmpty() ? JobState.WAITING : JobState.parse(stateLabel);
    boolean pending = state == JobState.WAITING || state == JobState.DELAYED;
    boolean finished = state == JobState.COMPLETED || state == JobState.FAILED;
    String reason = str(r.get(i + 10));
    return new JobSummary(
        str(r.get(i)),
        queue,
        str(r.get(i + 1)),
        state,
        (int) asLong(r.get(i + 3)),
        (int) asLong(r.get(i + 4)),
        (int) asLong(r.get(i + 5)),
        (int) asLong(r.get(i + 6)),
        instant(r.get(i + 7)),
        pending ? instant(r.get(i + 8)) : null,
        finished ? instant(r.get(i + 9)) : null,
        reason.isEmpty() ? null : reason);
  }

  @Override
  public Optional<JobDetails> job(String queue, String jobId) {
    List<Object> r = call("job", () -> scripts.run(Script.JOB, keys(queue), now(), jobId));
    if (r.isEmpty()) {
      return Optional.empty();
    }
    int fields = (int) asLong(r.get(0));
    Map<String, String> hash = new HashMap<>();
    for (int i = 1; i < 1 + fields; i += 2) {
      hash.put(str(r.get(i)), str(r.get(i + 1)));
    }
    List<String> logs = new ArrayList<>();
    for (int i = 1 + fields; i < r.size(); i++) {
      logs.add(str(r.get(i)));
    }
    String stateLabel = hash.getOrDefault("state", "waiting");
    JobState state = JobState.parse(stateLabel);
    boolean pending = state == JobState.WAITING || state == JobState.DELAYED;
    boolean finished = state == JobState.COMPLETED || state == JobState.FAILED;
    JobSummary summary =
        new JobSummary(
            jobId,
            queue,
            hash.get("type"),
            state,
            (int) asLong(hash.get("priority")),
            (int) asLong(hash.get("attemptsMade")),
            (int) asLong(hash.get("maxAttempts")),
            (int) asLong(hash.get("progress")),
            instant(hash.get("createdAt")),
            pending ? instant(hash.get("processAt")) : null,
            finished ? instant(hash.get("finishedAt")) : null,
            blankToNull(hash.get("failedReason")));
    Map<String, String> payload = json.readValue(hash.getOrDefault("payload", "{}"), PAYLOAD);
    return Optional.of(
        new JobDetails(
            summary,
            payload,
            Duration.ofMillis(asLong(hash.get("timeout"))),
            Duration.ofMillis(asLong(hash.get("backoff"))),
            blankToNull(hash.get("requestId")),
            logs,
            blankToNull(hash.get("stacktrace"))));
  }

  @Override
  public Outcome retry(String queue, String jobId) {
    return outcome(control(queue, "retry", jobId));
  }

  @Override
  public long retryAllFailed(String queue) {
    return batch(queue, "retry-all");
  }

  @Override
  public Outcome remove(String queue, String jobId) {
    return outcome(control(queue, "remove", jobId));
  }

  @Override
  public Outcome promote(String queue, String jobId) {
    return outcome(control(queue, "promote", jobId));
  }

  @Override
  public void pause(String queue) {
    control(queue, "pause", "");
  }

  @Override
  public void resume(String queue) {
    control(queue, "resume", "");
  }

  @Override
  public long cleanCompleted(String queue) {
    return batch(queue, "clean");
  }

  /** In atomic chunks, so a huge set never blocks Redis for long. */
  private long batch(String queue, String action) {
    long total = 0;
    long done;
    do {
      done = control(queue, action, Integer.toString(BATCH));
      total += done;
    } while (done == BATCH);
    return total;
  }

  private long control(String queue, String action, String argument) {
    List<Object> r =
        call(action, () -> scripts.run(Script.CONTROL, keys(queue), now(), action, argument));
    return asLong(r.get(0));
  }

  private static Outcome outcome(long code) {
    return code == 1 ? Outcome.DONE : code == 0 ? Outcome.NOT_FOUND : Outcome.WRONG_STATE;
  }

  private QueueKeys keys(String queue) {
    QueueKeys k = keys.get(queue);
    if (k == null) {
      throw new IllegalArgumentException("unknown queue: " + queue);
    }
    return k;
  }

  private long now() {
    return clock.millis();
  }

  private <T> T call(String operation, Supplier<T> action) {
    try {
      T result = action.get();
      breaker.recordSuccess();
      return result;
    } catch (RuntimeException e) {
      breaker.recordFailure("queue." + operation, e);
      throw e;
    }
  }

  static long asLong(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String s = value.toString();
    if (s.isEmpty()) {
      return 0;
    }
    return s.indexOf('.') >= 0 || s.indexOf('e') >= 0
        ? (long) Double.parseDouble(s)
        : Long.parseLong(s);
  }

  private static String str(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static Instant instant(Object value) {
    String s = str(value);
    return s.isEmpty() ? null : Instant.ofEpochMilli(asLong(s));
  }
}
