package dev.worklane.application.service.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.service.DirectTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class JobsTest {
  @Mock JobQueue queue;
  @Mock JobOutbox outbox;
  @Mock JobBroker broker;
  final List<Runnable> scheduled = new ArrayList<>();
  final DirectTransactions transactions = new DirectTransactions();
  final JobRequest report = JobRequest.of("default", "report.generate", Map.of("project", "p1"));

  Jobs jobs() {
    return new Jobs(
        queue, transactions, new JobRelay(outbox, broker, transactions, scheduled::add));
  }

  @Test
  void enqueueReturnsTheIdThePortGave() {
    when(queue.enqueue(report)).thenReturn("job-42");

    String id = transactions.inTransaction(() -> jobs().enqueue(report));

    assertThat(id).isEqualTo("job-42");
    verify(queue).enqueue(report);
  }

  @Test
  void theRelayIsNudgedOnlyAfterTheCommit() {
    when(queue.enqueue(report)).thenReturn("job-1");
    Jobs jobs = jobs();
    int[] nudgedBeforeCommit = {-1};

    transactions.inTransaction(
        () -> {
          jobs.enqueue(report);
          jobs.enqueue(report);
          nudgedBeforeCommit[0] = scheduled.size();
        });

    assertThat(nudgedBeforeCommit[0]).isZero();
    // two enqueues in one commit: one relay
    assertThat(scheduled).hasSize(1);
  }

  @Test
  void aRolledBackTransactionNudgesNothing() {
    when(queue.enqueue(report)).thenReturn("job-1");
    Jobs jobs = jobs();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      jobs.enqueue(report);
                      throw new IllegalStateException("use case failed");
                    }))
        .hasMessage("use case failed");

    assertThat(scheduled).isEmpty();
    verifyNoInteractions(outbox, broker);
  }

  @Test
  void aFailedEnqueueNudgesNothing() {
    when(queue.enqueue(report)).thenThrow(new IllegalStateException("db down"));

    assertThatThrownBy(() -> jobs().enqueue(report)).hasMessage("db down");

    assertThat(scheduled).isEmpty();
  }

  @Test
  void outsideATransactionTheRelayIsNudgedAtOnce() {
    when(queue.enqueue(report)).thenReturn("job-1");

    jobs().enqueue(report);

    assertThat(scheduled).hasSize(1);
  }
}
