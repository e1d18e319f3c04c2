package dev.worklane.bootstrap.e2e;

import dev.worklane.application.job.Job;
import dev.worklane.application.job.JobHandler;
import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.service.job.Jobs;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only job type, {@code test.flaky}, for the queue dashboard's tests: a job fails with an
 * exception (and so a stack trace) while its id is marked failing, and completes once it is not.
 * Imported by the dashboard's test classes, which therefore share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class FlakyJobs {
  static final String TYPE = "test.flaky";
  static final String QUEUE = JobRequest.DEFAULT_QUEUE;

  /** Job ids whose next attempt throws. */
  private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

  @Bean
  JobHandler flakyJobHandler() {
    return new JobHandler() {
      @Override
      public String type() {
        return TYPE;
      }

      @Override
      public void handle(Job job) {
        job.log("attempt " + job.attempt() + " of " + job.maxAttempts());
        job.progress(50);
        if (FAILING.contains(job.id())) {
          throw new IllegalStateException("flaky job failed on purpose: <b>" + job.id() + "</b>");
        }
        job.log("done");
        job.progress(100);
      }
    };
  }

  /** A fresh id, usable as an idempotency key; the job it names fails until {@link #heal}. */
  static String failingId() {
    String id = "flaky-" + UUID.randomUUID();
    FAILING.add(id);
    return id;
  }

  static void heal(String id) {
    FAILING.remove(id);
  }

  /** Enqueues a {@code test.flaky} job with one attempt (so one failure fails it for good). */
  static String enqueue(Jobs jobs, String id, Duration delay) {
    JobOptions options =
        JobOptions.defaults().withAttempts(1).withIdempotencyKey(id).withDelay(delay);
    return jobs.enqueue(
        new JobRequest(QUEUE, TYPE, Map.of("note", "<script>alert(1)</script>"), options));
  }
}
