package dev.worklane.application.service.attachment;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.model.storage.StoredObjectInfo;
import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AttachmentSweeperTest {
  static final Instant NOW = T0.plus(Duration.ofDays(100));

  @Mock AttachmentRepository attachments;
  @Mock ObjectStorage storage;

  AttachmentSweeper sweeper() {
    return new AttachmentSweeper(
        attachments,
        storage,
        new DirectTransactions(),
        AttachmentSettings.defaults(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  void listed(List<String> keys) {
    doAnswer(
            inv -> {
              Consumer<StoredObjectInfo> sink = inv.getArgument(2);
              keys.forEach(key -> sink.accept(new StoredObjectInfo(key, 1, T0)));
              return null;
            })
        .when(storage)
        .list(eq("attachments/"), eq(NOW.minus(Duration.ofHours(1))), any());
  }

  static Attachment row(String key) {
    return Attachment.uploaded(
        AttachmentId.random(), TaskId.random(), "a", "text/plain", 1, key, UserId.random(), T0);
  }

  @Test
  void deletesOldObjectsThatNoRowNamesInBatches() {
    List<String> keys = IntStream.range(0, 450).mapToObj(i -> "attachments/t/" + i).toList();
    listed(keys);
    Set<String> named = Set.of("attachments/t/3", "attachments/t/250", "attachments/t/449");
    List<Integer> batchSizes = new ArrayList<>();
    when(attachments.existingKeys(any()))
        .thenAnswer(
            inv -> {
              Collection<String> asked = inv.getArgument(0);
              batchSizes.add(asked.size());
              return asked.stream().filter(named::contains).collect(Collectors.toSet());
            });
    when(attachments.pendingSince(any(), any(Integer.class))).thenReturn(List.of());
    when(attachments.inProjectsArchivedBefore(any(), any(Integer.class))).thenReturn(List.of());

    AttachmentSweeper.Sweep sweep = sweeper().sweep();

    assertThat(sweep.orphanObjects()).isEqualTo(447);
    assertThat(batchSizes).containsExactly(200, 200, 50);
    verify(storage).delete("attachments/t/0");
    verify(storage, never()).delete("attachments/t/3");
    verify(storage, never()).delete("attachments/t/250");
  }

  @Test
  void removesRowsStuckPendingAndArchivedProjectsAttachmentsRowFirst() {
    listed(List.of());
    Attachment stuck = row("attachments/t/stuck");
    Attachment archived = row("attachments/t/archived");
    when(attachments.pendingSince(NOW.minus(Duration.ofHours(24)), AttachmentSweeper.BATCH))
        .thenReturn(List.of(stuck));
    when(attachments.inProjectsArchivedBefore(
            NOW.minus(Duration.ofDays(30)), AttachmentSweeper.BATCH))
        .thenReturn(List.of(archived));

    AttachmentSweeper.Sweep sweep = sweeper().sweep();

    assertThat(sweep).isEqualTo(new AttachmentSweeper.Sweep(0, 1, 1));
    InOrder order = inOrder(attachments, storage);
    order.verify(attachments).delete(stuck.id());
    order.verify(storage).delete(stuck.storageKey());
    order.verify(attachments).delete(archived.id());
    order.verify(storage).delete(archived.storageKey());
  }

  @Test
  void aLargeBacklogIsWorkedOffOverSeveralRuns() {
    listed(List.of());
    List<Attachment> fullBatch =
        IntStream.range(0, AttachmentSweeper.BATCH)
            .mapToObj(i -> row("attachments/t/" + i))
            .toList();
    when(attachments.pendingSince(any(), any(Integer.class))).thenReturn(fullBatch);
    when(attachments.inProjectsArchivedBefore(any(), any(Integer.class))).thenReturn(List.of());

    AttachmentSweeper.Sweep sweep = sweeper().sweep();

    assertThat(sweep.stuckPending()).isEqualTo(AttachmentSweeper.MAX_ROWS_PER_RUN);
    verify(attachments, never()).existingKeys(any());
    verify(storage, org.mockito.Mockito.times(AttachmentSweeper.MAX_ROWS_PER_RUN))
        .delete(anyString());
  }
}
