package dev.worklane.application.job;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.application.port.out.ContentSniffer;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.attachment.UploadPolicy;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ProcessAttachmentHandlerTest {
  @Mock AttachmentRepository attachments;
  @Mock ObjectStorage storage;
  @Mock ContentSniffer sniffer;

  ProcessAttachmentHandler handler() {
    return new ProcessAttachmentHandler(
        attachments, storage, sniffer, new DirectTransactions(), UploadPolicy.defaults());
  }

  Attachment pending(String type, long size) {
    Attachment attachment =
        Attachment.uploaded(
            AttachmentId.random(),
            TaskId.random(),
            "file.bin",
            type,
            size,
            "attachments/t/" + AttachmentId.random(),
            UserId.random(),
            T0);
    when(attachments.findById(attachment.id())).thenReturn(Optional.of(attachment));
    return attachment;
  }

  static RecordingJob job(Attachment attachment) {
    return new RecordingJob(
        "job-1",
        AttachmentJobs.PROCESS,
        Map.of("attachmentId", attachment.id().value().toString()));
  }

  void stores(Attachment attachment, byte[] bytes) {
    when(storage.get(attachment.storageKey(), Optional.empty()))
        .thenReturn(
            Optional.of(
                new ObjectContent(
                    new ByteArrayInputStream(bytes), bytes.length, bytes.length, "x", false)));
  }

  @Test
  void readsTheObjectOnceForChecksumSizeAndSniffedHeadAndMakesItReady() throws Exception {
    byte[] bytes = new byte[700_000];
    new Random(7).nextBytes(bytes);
    Attachment attachment = pending("image/png", bytes.length);
    stores(attachment, bytes);
    ArgumentCaptor<InputStream> head = ArgumentCaptor.forClass(InputStream.class);
    byte[][] sniffed = new byte[1][];
    when(sniffer.sniff(head.capture()))
        .thenAnswer(
            inv -> {
              sniffed[0] = ((InputStream) inv.getArgument(0)).readAllBytes();
              return "image/png";
            });
    when(attachments.finishProcessing(any())).thenReturn(true);
    RecordingJob job = job(attachment);

    handler().handle(job);

    ArgumentCaptor<Attachment> outcome = ArgumentCaptor.forClass(Attachment.class);
    verify(attachments).finishProcessing(outcome.capture());
    assertThat(outcome.getValue().status()).isEqualTo(AttachmentStatus.READY);
    assertThat(outcome.getValue().sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(outcome.getValue().sizeBytes()).isEqualTo(bytes.length);
    assertThat(outcome.getValue().sniffedType()).isEqualTo("image/png");
    assertThat(sniffed[0]).hasSize(ProcessAttachmentHandler.HEAD_BYTES);
    assertThat(job.progress).isSorted().contains(10, 50, 90).endsWith(100);
    verify(storage, never()).delete(any());
  }

  @Test
  void contentThatContradictsTheDeclaredTypeIsRejectedAndItsObjectDeletedAfterTheWrite()
      throws Exception {
    byte[] html = "<!DOCTYPE html><script>alert(1)</script>".getBytes();
    Attachment attachment = pending("image/png", html.length);
    stores(attachment, html);
    when(sniffer.sniff(any())).thenReturn("text/html");
    when(attachments.finishProcessing(any())).thenReturn(true);
    RecordingJob job = job(attachment);

    handler().handle(job);

    ArgumentCaptor<Attachment> outcome = ArgumentCaptor.forClass(Attachment.class);
    InOrder order = inOrder(attachments, storage);
    order.verify(attachments).finishProcessing(outcome.capture());
    order.verify(storage).delete(attachment.storageKey());
    assertThat(outcome.getValue().status()).isEqualTo(AttachmentStatus.REJECTED);
    assertThat(outcome.getValue().rejectionReason()).contains("text/html").contains("image/png");
    assertThat(job.logs).anySatisfy(line -> assertThat(line).startsWith("REJECTED"));
  }

  @Test
  void aRerunOfAFinishedJobChangesNothing() throws Exception {
    Attachment ready =
        pending("text/plain", 3)
            .processed("c".repeat(64), 3, "text/plain", UploadPolicy.defaults());
    when(attachments.findById(ready.id())).thenReturn(Optional.of(ready));

    handler().handle(job(ready));

    verify(attachments, never()).finishProcessing(any());
    verifyNoInteractions(storage, sniffer);
  }

  @Test
  void aRerunForARejectedAttachmentOnlyRepeatsTheIdempotentObjectDelete() throws Exception {
    Attachment rejected =
        pending("image/png", 3).processed("c".repeat(64), 3, "text/html", UploadPolicy.defaults());
    when(attachments.findById(rejected.id())).thenReturn(Optional.of(rejected));

    handler().handle(job(rejected));

    verify(storage).delete(rejected.storageKey());
    verify(storage, never()).get(any(), any());
    verify(attachments, never()).finishProcessing(any());
  }

  @Test
  void aDeletedAttachmentIsNothingToDo() throws Exception {
    AttachmentId gone = AttachmentId.random();
    when(attachments.findById(gone)).thenReturn(Optional.empty());

    RecordingJob job =
        new RecordingJob("j", AttachmentJobs.PROCESS, Map.of("attachmentId", gone.toString()));
    handler().handle(job);

    assertThat(job.progress).containsExactly(100);
    verifyNoInteractions(storage);
  }

  @Test
  void aMissingObjectRejectsTheAttachment() throws Exception {
    Attachment attachment = pending("text/plain", 3);
    when(storage.get(attachment.storageKey(), Optional.empty())).thenReturn(Optional.empty());
    when(attachments.finishProcessing(any())).thenReturn(true);

    handler().handle(job(attachment));

    ArgumentCaptor<Attachment> outcome = ArgumentCaptor.forClass(Attachment.class);
    verify(attachments).finishProcessing(outcome.capture());
    assertThat(outcome.getValue().rejectionReason()).isEqualTo("the uploaded content is missing");
  }

  @Test
  void anOutcomeThatLostTheRaceIsNotActedOn() throws Exception {
    Attachment attachment = pending("image/png", 4);
    stores(attachment, "<a/>".getBytes());
    when(sniffer.sniff(any())).thenReturn("text/html");
    when(attachments.finishProcessing(any())).thenReturn(false);

    handler().handle(job(attachment));

    verify(storage, never()).delete(any());
  }

  @Test
  void aJobWithoutAnAttachmentIdFailsForGood() {
    RecordingJob job = new RecordingJob("j", AttachmentJobs.PROCESS, Map.of("attachmentId", "x"));

    assertThatThrownBy(() -> handler().handle(job)).isInstanceOf(PermanentJobFailure.class);
  }

  @Test
  void theJobIsKeyedByTheAttachmentOnTheDefaultQueue() throws IOException {
    AttachmentId id = AttachmentId.random();
    var request = AttachmentJobs.process(id);

    assertThat(request.queue()).isEqualTo("default");
    assertThat(request.options().idempotencyKey()).isEqualTo("attachment.process:" + id);
    assertThat(request.payload()).containsExactly(Map.entry("attachmentId", id.toString()));
  }
}
