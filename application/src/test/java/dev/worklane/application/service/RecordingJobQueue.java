package dev.worklane.application.service;

import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.job.JobRelay;
import dev.worklane.application.service.job.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records what use cases enqueue, so unit tests can check which jobs a use case asked for. The
 * relay it wires never runs (its executor drops the nudges): relaying is JobRelayTest's business.
 */
public final class RecordingJobQueue implements JobQueue {
  private final List<JobRequest> requests = new ArrayList<>();

  @Override
  public String enqueue(JobRequest request) {
    requests.add(request);
    return request.options().idempotencyKey() != null
        ? request.options().idempotencyKey()
        : UUID.randomUUID().toString();
  }

  public List<JobRequest> requests() {
    return List.copyOf(requests);
  }

  public Jobs jobs(Transactions transactions) {
    JobOutbox noOutbox =
        new JobOutbox() {
          @Override
          public List<OutboxJob> lockPending(int limit) {
            return List.of();
          }

          @Override
          public void remove(List<OutboxJob> jobs) {}

          @Override
          public long pendingCount() {
            return 0;
          }
        };
    JobBroker noBroker = jobs -> {};
    return new Jobs(this, transactions, new JobRelay(noOutbox, noBroker, transactions, r -> {}));
  }
}
