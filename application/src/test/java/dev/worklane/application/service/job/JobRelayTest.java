package dev.worklane.application.service.job;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import dev.worklane.application.service.DirectTransactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class JobRelayTest {
  @Mock JobOutbox outbox;
  @Mock JobBroker broker;
  final DirectTransactions transactions = new DirectTransactions();
  final ManualExecutor executor = new ManualExecutor();

  /** Queues what it is given; the test runs it when it likes. */
  static final class ManualExecutor implements Executor {
    final Queue<Runnable> queued = new ArrayDeque<>();
    int accepted;

    @Override
    public void execute(Runnable command) {
      accepted++;
      queued.add(command);
    }

    void runAll() {
      Runnable next;
      while ((next = queued.poll()) != null) {
        next.run();
      }
    }
  }

  // System.Logger goes to java.util.logging here (no other provider on the test class path)
  final Logger julLogger = Logger.getLogger(JobRelay.class.getName());
  final List<LogRecord> logged = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    julLogger.addHandler(capture);
  }

  @AfterEach
  void releaseLogs() {
    julLogger.removeHandler(capture);
  }

  JobRelay relay() {
    return new JobRelay(outbox, broker, transactions, executor);
  }

  static List<OutboxJob> jobs(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new OutboxJob(
                    prefix + i,
                    JobRequest.of("default", "report.generate", Map.of()),
                    "req-" + i,
                    T0))
        .toList();
  }

  List<LogRecord> at(Level level) {
    return logged.stream().filter(r -> r.getLevel().equals(level)).toList();
  }

  @Test
  void relaysInBatchesOfFiveHundredUntilAShortBatch() {
    List<OutboxJob> first = jobs("a", 500);
    List<OutboxJob> second = jobs("b", 500);
    List<OutboxJob> last = jobs("c", 7);
    when(outbox.lockPending(500)).thenReturn(first, second, last);

    int relayed = relay().relay();

    assertThat(relayed).isEqualTo(1007);
    InOrder order = inOrder(outbox, broker);
    for (List<OutboxJob> batch : List.of(first, second, last)) {
      order.verify(outbox).lockPending(500);
      order.verify(broker).submit(batch);
      order.verify(outbox).remove(batch);
    }
    order.verifyNoMoreInteractions();
    // one transaction per batch: a lock is never held across engine round trips of other batches
    assertThat(transactions.opened()).isEqualTo(3);
  }

  @Test
  void aFullLastBatchIsFollowedByOneEmptyLook() {
    List<OutboxJob> full = jobs("a", 500);
    when(outbox.lockPending(500)).thenReturn(full, List.of());

    assertThat(relay().relay()).isEqualTo(500);

    verify(outbox, times(2)).lockPending(500);
    verify(broker, times(1)).submit(any());
    verify(outbox, times(1)).remove(any());
  }

  @Test
  void anEmptyOutboxTouchesNeitherTheEngineNorTheTable() {
    when(outbox.lockPending(anyInt())).thenReturn(List.of());

    assertThat(relay().relay()).isZero();

    verifyNoInteractions(broker);
    verify(outbox, never()).remove(any());
  }

  @Test
  void anUnreachableEngineLeavesTheRowsInTheOutbox() {
    List<OutboxJob> batch = jobs("a", 3);
    when(outbox.lockPending(500)).thenReturn(batch);
    doThrow(new IllegalStateException("redis down")).when(broker).submit(batch);

    assertThatThrownBy(() -> relay().relay()).hasMessage("redis down");
    verify(outbox, never()).remove(any());
  }

  @Test
  void relayQuietlyReturnsZeroOnFailureAndNeverThrows() {
    when(outbox.lockPending(500)).thenReturn(jobs("a", 3));
    doThrow(new IllegalStateException("redis down")).when(broker).submit(any());

    assertThat(relay().relayQuietly()).isZero();

    verify(outbox, never()).remove(any());
  }

  @Test
  void relayQuietlyReturnsTheCountWhenItWorks() {
    when(outbox.lockPending(500)).thenReturn(jobs("a", 4));

    assertThat(relay().relayQuietly()).isEqualTo(4);
    assertThat(at(Level.WARNING)).isEmpty();
  }

  @Test
  void aFailureStreakIsLoggedOnceAndTheRecoveryOnce() {
    JobRelay relay = relay();
    when(outbox.lockPending(500)).thenReturn(jobs("a", 2));
    doThrow(new IllegalStateException("redis down")).when(broker).submit(any());

    relay.relayQuietly();
    relay.relayQuietly();
    relay.relayQuietly();

    assertThat(at(Level.WARNING))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getMessage())
                    .startsWith("job_relay_failed")
                    .contains("IllegalStateException: redis down"));
    assertThat(at(Level.INFO)).isEmpty();

    // the engine is back: one recovery line, and further successes stay quiet
    org.mockito.Mockito.reset(broker);
    assertThat(relay.relayQuietly()).isEqualTo(2);
    assertThat(relay.relayQuietly()).isEqualTo(2);
    assertThat(at(Level.INFO))
        .singleElement()
        .satisfies(r -> assertThat(r.getMessage()).isEqualTo("job_relay_recovered"));

    // a new streak is logged again
    doThrow(new IllegalStateException("redis down again")).when(broker).submit(any());
    relay.relayQuietly();
    relay.relayQuietly();
    assertThat(at(Level.WARNING)).hasSize(2);
    assertThat(at(Level.WARNING).get(1).getMessage()).contains("redis down again");
  }

  @Test
  void nudgesWhileOneIsScheduledRunTheRelayOnce() {
    when(outbox.lockPending(500)).thenReturn(List.of());
    JobRelay relay = relay();

    for (int i = 0; i < 25; i++) {
      relay.nudge();
    }

    assertThat(executor.accepted).isEqualTo(1);
    verifyNoInteractions(outbox, broker);
    executor.runAll();
    verify(outbox, times(1)).lockPending(500);

    // once it ran, the next nudge schedules a new relay
    relay.nudge();
    relay.nudge();
    assertThat(executor.accepted).isEqualTo(2);
    executor.runAll();
    verify(outbox, times(2)).lockPending(500);
  }

  @Test
  void aNudgeDuringARelayIsNotLost() {
    JobRelay relay = relay();
    // a commit lands while the relay runs: its nudge must schedule another pass
    when(outbox.lockPending(500))
        .thenAnswer(
            inv -> {
              relay.nudge();
              return List.of();
            })
        .thenReturn(List.of());

    relay.nudge();
    executor.runAll();

    assertThat(executor.accepted).isEqualTo(2);
    verify(outbox, times(2)).lockPending(500);
  }

  @Test
  void aScheduledRelayThatFailsDoesNotThrowIntoTheExecutor() {
    when(outbox.lockPending(500)).thenReturn(jobs("a", 1));
    doThrow(new IllegalStateException("redis down")).when(broker).submit(any());
    JobRelay relay = relay();

    relay.nudge();
    executor.runAll(); // would throw if the failure escaped

    verify(outbox, never()).remove(any());
    assertThat(at(Level.WARNING)).hasSize(1);
    relay.nudge();
    assertThat(executor.accepted).isEqualTo(2);
  }

  @Test
  void aRejectingExecutorDoesNotThrowAndTheNextNudgeTriesAgain() {
    int[] attempts = {0};
    JobRelay relay =
        new JobRelay(
            outbox,
            broker,
            transactions,
            command -> {
              attempts[0]++;
              throw new RejectedExecutionException("shutting down");
            });

    relay.nudge();
    relay.nudge();

    assertThat(attempts[0]).isEqualTo(2);
    verifyNoInteractions(outbox, broker);
  }

  @Test
  void pendingIsTheOutboxCount() {
    when(outbox.pendingCount()).thenReturn(42L);
    assertThat(relay().pending()).isEqualTo(42L);
  }
}
