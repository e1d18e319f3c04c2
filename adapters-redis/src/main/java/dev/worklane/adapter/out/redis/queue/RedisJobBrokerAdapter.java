package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.support.CircuitBreaker;
import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.OutboxJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's intake: one script call per queue and batch adds every job whose id is new to its
 * queue (a known id, in any state, is left alone). A delay counts from when the use case asked for
 * the job, so a relay that was held up by an outage does not postpone it further.
 */
public final class RedisJobBrokerAdapter implements JobBroker {
  static final int BATCH = 1000;

  private final QueueScripts scripts;
  private final CircuitBreaker breaker;
  private final Clock clock;

  public RedisJobBrokerAdapter(QueueScripts scripts, CircuitBreaker breaker, Clock clock) {
    this.scripts = scripts;
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public void submit(List<OutboxJob> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    if (!breaker.allows()) {
      throw new IllegalStateException("job engine unavailable (Redis failing); retry later");
    }
    Map<String, List<OutboxJob>> byQueue = new LinkedHashMap<>();
    for (OutboxJob job : jobs) {
      byQueue.computeIfAbsent(job.request().queue(), q -> new ArrayList<>()).add(job);
    }
    try {
      for (Map.Entry<String, List<OutboxJob>> entry : byQueue.entrySet()) {
        List<OutboxJob> queued = entry.getValue();
        for (int from = 0; from < queued.size(); from += BATCH) {
          submitBatch(entry.getKey(), queued.subList(from, Math.min(queued.size(), from + BATCH)));
        }
      }
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      breaker.recordFailure("queue.submit", e);
      throw e;
    }
  }

  private void submitBatch(String queue, List<OutboxJob> batch) {
    scripts.submit(queue, clock.millis(), batch);
  }
}
