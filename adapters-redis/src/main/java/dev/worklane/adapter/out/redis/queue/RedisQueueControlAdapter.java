package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.QueueScripts.Control;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.JobHash;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Listed;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Overview;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Page;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard's view of the engine. Reads are one script each (a consistent snapshot of a queue);
 * every change is one atomic script transition (see {@code control.lua}).
 */
public final class RedisQueueControlAdapter implements QueueControl {
  private static final int BATCH = 1000;

  private final QueueScripts scripts;
  private final QueueSettings settings;
  private final CircuitBreaker breaker;
  private final Clock clock;

  public RedisQueueControlAdapter(
      QueueScripts scripts, QueueSettings settings, CircuitBreaker breaker, Clock clock) {
    this.scripts = scripts;
    this.settings = settings;
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public List<QueueOverview> overview() {
    List<QueueOverview> result = new ArrayList<>();
    for (String queue : JobRequest.QUEUES) {
      Overview r = call("overview", () -> scripts.overview(queue, now()));
      Map<JobState, Long> counts = new EnumMap<>(JobState.class);
      counts.put(JobState.WAITING, r.waiting());
      counts.put(JobState.DELAYED, r.delayed());
      counts.put(JobState.ACTIVE, r.active());
      counts.put(JobState.COMPLETED, r.completed());
      counts.put(JobState.FAILED, r.failed());
      result.add(new QueueOverview(queue, r.paused(), settings.concurrencyOf(queue), counts));
    }
    return result;
  }

  @Override
  public JobList jobs(String queue, JobState state, PageRequest page) {
    long start = page.offset();
    long stop = start + page.perPage() - 1;
    boolean newestFirst = state == JobState.COMPLETED || state == JobState.FAILED;
    Page r = call("jobs", () -> scripts.list(queue, now(), state, start, stop, newestFirst));
    List<JobSummary> jobs = new ArrayList<>(r.jobs().size());
    for (Listed job : r.jobs()) {
      jobs.add(
          new JobSummary(
              job.id(),
              queue,
              job.type(),
              job.state(),
              job.priority(),
              job.attemptsMade(),
              job.maxAttempts(),
              job.progress(),
              job.createdAt(),
              pending(job.state()) ? job.processAt() : null,
              finished(job.state()) ? job.finishedAt() : null,
              job.failedReason()));
    }
    return new JobList(jobs, page.page(), page.perPage(), r.total());
  }

  @Override
  public Optional<JobDetails> job(String queue, String jobId) {
    return call("job", () -> scripts.job(queue, now(), jobId))
        .map(hash -> details(queue, jobId, hash));
  }

  private static JobDetails details(String queue, String jobId, JobHash job) {
    JobSummary summary =
        new JobSummary(
            jobId,
            queue,
            job.type(),
            job.state(),
            job.priority(),
            job.attemptsMade(),
            job.maxAttempts(),
            job.progress(),
            job.createdAt(),
            pending(job.state()) ? job.processAt() : null,
            finished(job.state()) ? job.finishedAt() : null,
            job.failedReason());
    return new JobDetails(
        summary,
        LuaJson.parseStringMap(job.payloadJson()),
        Duration.ofMillis(job.timeoutMillis()),
        Duration.ofMillis(job.backoffMillis()),
        job.requestId(),
        job.logs(),
        job.stacktrace());
  }

  private static boolean pending(JobState state) {
    return state == JobState.WAITING || state == JobState.DELAYED;
  }

  private static boolean finished(JobState state) {
    return state == JobState.COMPLETED || state == JobState.FAILED;
  }

  @Override
  public Outcome retry(String queue, String jobId) {
    return control(queue, Control.RETRY, jobId);
  }

  @Override
  public long retryAllFailed(String queue) {
    return batch(queue, Control.RETRY_ALL);
  }

  @Override
  public Outcome remove(String queue, String jobId) {
    return control(queue, Control.REMOVE, jobId);
  }

  @Override
  public Outcome promote(String queue, String jobId) {
    return control(queue, Control.PROMOTE, jobId);
  }

  @Override
  public void pause(String queue) {
    call("pause", () -> scripts.control(queue, now(), Control.PAUSE));
  }

  @Override
  public void resume(String queue) {
    call("resume", () -> scripts.control(queue, now(), Control.RESUME));
  }

  @Override
  public long cleanCompleted(String queue) {
    return batch(queue, Control.CLEAN);
  }

  /** In atomic chunks, so a huge set never blocks Redis for long. */
  private long batch(String queue, Control action) {
    long total = 0;
    long done;
    do {
      done = call(action.wire, () -> scripts.controlBatch(queue, now(), action, BATCH));
      total += done;
    } while (done == BATCH);
    return total;
  }

  private Outcome control(String queue, Control action, String jobId) {
    return call(action.wire, () -> scripts.control(queue, now(), action, jobId)).outcome();
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

  private void call(String operation, Runnable action) {
    call(
        operation,
        () -> {
          action.run();
          return null;
        });
  }
}
