package dev.worklane.adapter.out.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import dev.worklane.application.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

/** The transactional outbox of the job queue on real PostgreSQL (SPEC §6.2). */
@PersistenceIntegrationTest
class JdbcOutboxJobQueueAdapterIT {

  private final JdbcOutboxJobQueueAdapter outbox;
  private final Transactions transactions;
  private final JdbcTemplate jdbc;
  private final JobQueue queuePort;
  private final JobOutbox outboxPort;
  private final ExecutorService otherInstance = Executors.newSingleThreadExecutor();

  JdbcOutboxJobQueueAdapterIT(
      JdbcOutboxJobQueueAdapter outbox,
      Transactions transactions,
      JdbcTemplate jdbc,
      JobQueue queuePort,
      JobOutbox outboxPort) {
    this.outbox = outbox;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.queuePort = queuePort;
    this.outboxPort = outboxPort;
  }

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from job_outbox");
    MDC.clear();
  }

  @AfterEach
  void stopOtherInstance() {
    otherInstance.shutdownNow();
    MDC.clear();
  }

  private static JobRequest email(String to) {
    return JobRequest.of(JobRequest.EMAIL_QUEUE, "email.send", Map.of("to", to));
  }

  private List<OutboxJob> lockAll() {
    return transactions.inTransaction(() -> outbox.lockPending(100));
  }

  private static List<String> ids(List<OutboxJob> jobs) {
    return jobs.stream().map(OutboxJob::id).toList();
  }

  @Test
  void oneAdapterServesBothSidesOfTheOutbox() {
    assertThat(queuePort).isSameAs(outbox).isSameAs(outboxPort);
  }

  @Test
  void anEnqueueRolledBackWithItsUseCaseLeavesNothing() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      outbox.enqueue(email("a@example.com"));
                      throw new IllegalStateException("registration failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void anEnqueueCommittedWithItsUseCaseIsPending() {
    String id = transactions.inTransaction(() -> outbox.enqueue(email("a@example.com")));

    assertThat(outbox.pendingCount()).isEqualTo(1);
    assertThat(ids(lockAll())).containsExactly(id);
  }

  @Test
  void aSecondEnqueueWithTheSameIdempotencyKeyIsANoOpReturningTheSameId() {
    JobRequest welcome =
        email("a@example.com").with(JobOptions.defaults().withIdempotencyKey("welcome:42"));

    String first = outbox.enqueue(welcome);
    String second =
        outbox.enqueue(
            email("changed@example.com")
                .with(JobOptions.defaults().withIdempotencyKey("welcome:42")));

    assertThat(first).isEqualTo("welcome:42").isEqualTo(second);
    List<OutboxJob> pending = lockAll();
    assertThat(pending)
        .singleElement()
        .satisfies(job -> assertThat(job.request()).isEqualTo(welcome));
  }

  @Test
  void theSameKeyInAnotherQueueIsAnotherJob() {
    JobOptions keyed = JobOptions.defaults().withIdempotencyKey("k-1");
    outbox.enqueue(email("a@example.com").with(keyed));
    outbox.enqueue(
        JobRequest.of(JobRequest.DEFAULT_QUEUE, "report.generate", Map.of()).with(keyed));

    assertThat(outbox.pendingCount()).isEqualTo(2);
  }

  @Test
  void withoutAKeyEveryEnqueueIsANewJobWithARandomId() {
    String first = outbox.enqueue(email("a@example.com"));
    String second = outbox.enqueue(email("a@example.com"));

    assertThat(first).isNotEqualTo(second).hasSize(36);
    assertThat(outbox.pendingCount()).isEqualTo(2);
  }

  @Test
  void lockPendingReturnsOldestFirstAndSkipsRowsAnotherTransactionHolds() throws Exception {
    String a = outbox.enqueue(email("a@example.com"));
    String b = outbox.enqueue(email("b@example.com"));
    String c = outbox.enqueue(email("c@example.com"));
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    Future<List<String>> other =
        otherInstance.submit(
            () ->
                transactions.inTransaction(
                    () -> {
                      List<String> mine = ids(outbox.lockPending(2));
                      locked.countDown();
                      awaitQuietly(release);
                      return mine;
                    }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

    List<String> seenMeanwhile = ids(lockAll());
    release.countDown();

    assertThat(other.get(10, TimeUnit.SECONDS)).containsExactly(a, b);
    assertThat(seenMeanwhile)
        .as("the other relay's rows are skipped, not waited for")
        .containsExactly(c);
    assertThat(ids(lockAll())).as("its locks ended with its transaction").containsExactly(a, b, c);
  }

  @Test
  void lockPendingRespectsTheLimit() {
    String a = outbox.enqueue(email("a@example.com"));
    outbox.enqueue(email("b@example.com"));

    assertThat(ids(transactions.inTransaction(() -> outbox.lockPending(1)))).containsExactly(a);
  }

  @Test
  void lockPendingOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.lockPending(10))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void removeDeletesExactlyTheRelayedJobs() {
    outbox.enqueue(email("a@example.com"));
    outbox.enqueue(email("b@example.com"));
    String kept = outbox.enqueue(email("c@example.com"));

    transactions.inTransaction(
        () -> {
          List<OutboxJob> batch = outbox.lockPending(2);
          outbox.remove(batch);
          outbox.remove(List.of());
        });

    assertThat(outbox.pendingCount()).isEqualTo(1);
    assertThat(ids(lockAll())).containsExactly(kept);
  }

  @Test
  void aRemoveRolledBackLeavesTheJobsToTheNextRelay() {
    outbox.enqueue(email("a@example.com"));

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      outbox.remove(outbox.lockPending(10));
                      throw new IllegalStateException("Redis is down");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(outbox.pendingCount()).isEqualTo(1);
  }

  @Test
  void storesTheRequestIdOfTheMdcAndTheClocksInstant() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
    MDC.put("requestId", "req-123");
    outbox.enqueue(email("a@example.com"));
    MDC.remove("requestId");
    outbox.enqueue(email("b@example.com"));
    Instant after = Instant.now();

    List<OutboxJob> jobs = lockAll();
    assertThat(jobs).extracting(OutboxJob::requestId).containsExactly("req-123", null);
    assertThat(jobs).allSatisfy(job -> assertThat(job.enqueuedAt()).isBetween(before, after));
  }

  @Test
  void optionsRoundTrip() {
    JobOptions options =
        new JobOptions(
            7,
            Duration.ofMillis(1_250),
            Duration.ofSeconds(90),
            Duration.ofMinutes(3),
            JobOptions.MAX_PRIORITY,
            "report:7:" + "x".repeat(180));
    JobRequest request =
        new JobRequest(JobRequest.HIGH_PRIORITY_QUEUE, "report.generate", Map.of(), options);

    outbox.enqueue(request);

    assertThat(lockAll())
        .singleElement()
        .satisfies(job -> assertThat(job.request()).isEqualTo(request));
  }

  @Test
  void payloadsWithUnicodeQuotesAndEscapesRoundTrip() {
    Map<String, String> payload =
        Map.of(
            "to", "zoë@example.com",
            "subject", "\"Quoted\" 'single' \\back\\slash\\ {json: [1,2]}",
            "text", "Grüße 🚀 日本語\nline two\ttab\r\n\u2028end",
            "secret.token", "s3cr3t/+=",
            "empty", "");
    JobRequest request = JobRequest.of(JobRequest.EMAIL_QUEUE, "email.send", payload);

    outbox.enqueue(request);

    assertThat(lockAll())
        .singleElement()
        .satisfies(job -> assertThat(job.request().payload()).isEqualTo(payload));
  }

  @Test
  void aPayloadWithANulCharacterIsRefusedWithoutEchoingTheValue() {
    JobRequest request =
        JobRequest.of(JobRequest.EMAIL_QUEUE, "email.send", Map.of("secret.token", "ab\0cd"));

    assertThatThrownBy(() -> outbox.enqueue(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret.token")
        .hasMessageNotContaining("ab");
    assertThat(outbox.pendingCount()).isZero();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
