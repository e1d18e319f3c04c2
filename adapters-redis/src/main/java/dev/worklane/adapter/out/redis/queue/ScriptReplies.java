package dev.worklane.adapter.out.redis.queue;

import dev.worklane.application.port.model.queue.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What each queue script answers, as named records, each with the one decoder of its script's reply
 * (the layout is written beside each decoder and at the top of the script).
 */
final class ScriptReplies {
  private ScriptReplies() {}

  /**
   * {@code finish_and_take.lua}: {@code [paused, next delayed due (-1 none), [code per finish],
   * [taken job...]]}.
   */
  record FinishAndTake(
      boolean paused, OptionalLong nextDueAt, List<FinishCode> codes, List<TakenJob> taken) {
    static final String SCRIPT = "finish_and_take";

    static FinishAndTake decode(Object reply) {
      ReplyReader r = ReplyReader.of(SCRIPT, reply, 4);
      long nextDue = r.number(1, "next due time");
      ReplyReader codes = r.array(2, "finish codes");
      List<FinishCode> finishCodes = new ArrayList<>(codes.size());
      for (int i = 0; i < codes.size(); i++) {
        long code = codes.number(i, "finish code");
        try {
          finishCodes.add(FinishCode.of(code));
        } catch (IllegalArgumentException e) {
          throw new MalformedReplyException(SCRIPT, e.getMessage(), e);
        }
      }
      ReplyReader jobs = r.array(3, "taken jobs");
      List<TakenJob> taken = new ArrayList<>(jobs.size());
      for (int i = 0; i < jobs.size(); i++) {
        taken.add(TakenJob.decode(jobs.array(i, "taken job")));
      }
      return new FinishAndTake(
          r.flag(0, "paused flag"),
          nextDue < 0 ? OptionalLong.empty() : OptionalLong.of(nextDue),
          List.copyOf(finishCodes),
          List.copyOf(taken));
    }
  }

  /**
   * One job a round trip took: {@code [id, type, payload, requestId, attempt, maxAttempts, timeout
   * ms, runnable since ms, lease token]}.
   */
  record TakenJob(
      String id,
      String type,
      String payloadJson,
      String requestId,
      int attempt,
      int maxAttempts,
      long timeoutMillis,
      long runnableSince,
      String token) {

    static TakenJob decode(ReplyReader j) {
      if (j.size() < 9) {
        throw new MalformedReplyException(
            j.script(), "a taken job has " + j.size() + " of 9 elements");
      }
      return new TakenJob(
          j.text(0, "job id"),
          j.text(1, "job type"),
          j.text(2, "payload"),
          j.text(3, "request id"),
          j.integer(4, "attempt"),
          j.integer(5, "max attempts"),
          j.number(6, "timeout"),
          j.number(7, "runnable since"),
          j.text(8, "lease token"));
    }
  }

  /** {@code stalled.lua}: {@code {retried, failed}}. */
  record Stalled(long retried, long failed) {
    static Stalled decode(Object reply) {
      ReplyReader r = ReplyReader.of("stalled", reply, 2);
      return new Stalled(r.number(0, "retried count"), r.number(1, "failed count"));
    }

    long handled() {
      return retried + failed;
    }
  }

  /**
   * {@code submit.lua}, {@code sweep.lua} and the batch actions of {@code control.lua}: {@code
   * {n}}.
   */
  record Count(long value) {
    static Count decode(String script, Object reply) {
      return new Count(ReplyReader.of(script, reply, 1).number(0, "count"));
    }
  }

  /** {@code progress.lua} and {@code log.lua}: {@code {1}} written, {@code {0}} lease lost. */
  record Applied(boolean written) {
    static Applied decode(String script, Object reply) {
      return new Applied(ReplyReader.of(script, reply, 1).flag(0, "written flag"));
    }
  }

  /** {@code control.lua} for one job: {@code {1}} done, {@code {0}} not found, {@code {-1}}. */
  static ControlCode decodeControl(Object reply) {
    long code = ReplyReader.of("control", reply, 1).number(0, "control code");
    try {
      return ControlCode.of(code);
    } catch (IllegalArgumentException e) {
      throw new MalformedReplyException("control", e.getMessage(), e);
    }
  }

  /** {@code overview.lua}: {@code {waiting, delayed, active, completed, failed, paused}}. */
  record Overview(
      long waiting, long delayed, long active, long completed, long failed, boolean paused) {
    static Overview decode(Object reply) {
      ReplyReader r = ReplyReader.of("overview", reply, 6);
      return new Overview(
          r.number(0, "waiting count"),
          r.number(1, "delayed count"),
          r.number(2, "active count"),
          r.number(3, "completed count"),
          r.number(4, "failed count"),
          r.flag(5, "paused flag"));
    }
  }

  /**
   * {@code list.lua}: {@code {total, then per job: id, type, state, priority, attemptsMade,
   * maxAttempts, progress, createdAt, processAt, finishedAt, failedReason}} ({@code ''} absent).
   */
  record Page(long total, List<Listed> jobs) {
    static final int FIELDS = 11;

    static Page decode(Object reply) {
      ReplyReader r = ReplyReader.of("list", reply, 1);
      if ((r.size() - 1) % FIELDS != 0) {
        throw new MalformedReplyException(
            "list", (r.size() - 1) + " job fields, not a multiple of " + FIELDS);
      }
      List<Listed> jobs = new ArrayList<>();
      for (int i = 1; i < r.size(); i += FIELDS) {
        String state = r.text(i + 2, "state");
        jobs.add(
            new Listed(
                r.text(i, "job id"),
                r.text(i + 1, "job type"),
                state.isEmpty() ? JobState.WAITING : parseState(r.script(), state),
                r.integer(i + 3, "priority"),
                r.integer(i + 4, "attempts made"),
                r.integer(i + 5, "max attempts"),
                r.integer(i + 6, "progress"),
                instant(r.script(), r.text(i + 7, "createdAt")),
                instant(r.script(), r.text(i + 8, "processAt")),
                instant(r.script(), r.text(i + 9, "finishedAt")),
                blankToNull(r.text(i + 10, "failed reason"))));
      }
      return new Page(r.number(0, "total"), List.copyOf(jobs));
    }
  }

  /** One job of a {@link Page}; times are null where the hash has none. */
  record Listed(
      String id,
      String type,
      JobState state,
      int priority,
      int attemptsMade,
      int maxAttempts,
      int progress,
      Instant createdAt,
      Instant processAt,
      Instant finishedAt,
      String failedReason) {}

  /**
   * {@code job.lua}: {@code {}} when absent, else {@code {field count, field, value..., log
   * line...}}: the job's hash (fields as {@code submit.lua} and the transitions write them).
   */
  record JobHash(
      String type,
      JobState state,
      int priority,
      int attemptsMade,
      int maxAttempts,
      int progress,
      Instant createdAt,
      Instant processAt,
      Instant finishedAt,
      String failedReason,
      String payloadJson,
      long timeoutMillis,
      long backoffMillis,
      String requestId,
      String stacktrace,
      List<String> logs) {
    static final String SCRIPT = "job";

    /** Null when the job does not exist. */
    static JobHash decode(Object reply) {
      ReplyReader r = ReplyReader.of(SCRIPT, reply, 0);
      if (r.size() == 0) {
        return null;
      }
      int fields = r.integer(0, "field count");
      if (fields < 0 || fields % 2 != 0 || 1 + fields > r.size()) {
        throw new MalformedReplyException(
            SCRIPT, "field count " + fields + " does not fit " + r.size() + " elements");
      }
      Map<String, String> hash = new HashMap<>();
      for (int i = 1; i < 1 + fields; i += 2) {
        hash.put(r.text(i, "field name"), r.text(i + 1, "field value"));
      }
      List<String> logs = new ArrayList<>();
      for (int i = 1 + fields; i < r.size(); i++) {
        logs.add(r.text(i, "log line"));
      }
      String state = hash.getOrDefault("state", "waiting");
      return new JobHash(
          hash.get("type"),
          parseState(SCRIPT, state),
          field(hash, "priority"),
          field(hash, "attemptsMade"),
          field(hash, "maxAttempts"),
          field(hash, "progress"),
          instant(SCRIPT, hash.get("createdAt")),
          instant(SCRIPT, hash.get("processAt")),
          instant(SCRIPT, hash.get("finishedAt")),
          blankToNull(hash.get("failedReason")),
          hash.getOrDefault("payload", "{}"),
          ReplyReader.number(SCRIPT, "timeout", hash.getOrDefault("timeout", "")),
          ReplyReader.number(SCRIPT, "backoff", hash.getOrDefault("backoff", "")),
          blankToNull(hash.get("requestId")),
          blankToNull(hash.get("stacktrace")),
          List.copyOf(logs));
    }

    /** Absent counters are 0 (a new job's hash leaves them out to stay small). */
    private static int field(Map<String, String> hash, String name) {
      return Math.toIntExact(ReplyReader.number(SCRIPT, name, hash.getOrDefault(name, "")));
    }
  }

  private static JobState parseState(String script, String label) {
    try {
      return JobState.parse(label);
    } catch (IllegalArgumentException e) {
      throw new MalformedReplyException(script, "unknown job state", e);
    }
  }

  private static Instant instant(String script, String millis) {
    return millis == null || millis.isEmpty()
        ? null
        : Instant.ofEpochMilli(ReplyReader.number(script, "a time", millis));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
