package dev.worklane.application.job;

import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.application.port.out.ContentSniffer;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.attachment.UploadPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Runs {@code attachment.process}: reads the stored object once, computing its SHA-256 and size
 * while the sniffer looks at its first {@value #HEAD_BYTES} bytes, and moves the attachment from
 * PENDING to READY or REJECTED (whose object is then deleted). Progress goes up in steps of 10 %.
 *
 * <p>Idempotent: the outcome is written only over a PENDING row, so a second attempt after a
 * finished one changes nothing (a REJECTED row's object delete is repeated, which is harmless and
 * finishes a delete that failed the first time).
 */
public final class ProcessAttachmentHandler implements JobHandler {
  /** Enough for every magic number and container signature the sniffer knows. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final int BUFFER_BYTES = 64 * 1024;

  private final AttachmentRepository attachments;
  private final ObjectStorage storage;
  private final ContentSniffer sniffer;
  private final Transactions transactions;
  private final UploadPolicy policy;

  public ProcessAttachmentHandler(
      AttachmentRepository attachments,
      ObjectStorage storage,
      ContentSniffer sniffer,
      Transactions transactions,
      UploadPolicy policy) {
    this.attachments = attachments;
    this.storage = storage;
    this.sniffer = sniffer;
    this.transactions = transactions;
    this.policy = policy;
  }

  @Override
  public String type() {
    return AttachmentJobs.PROCESS;
  }

  @Override
  public void handle(Job job) throws IOException {
    AttachmentId id = attachmentId(job);
    Optional<Attachment> found = attachments.findById(id);
    if (found.isEmpty()) {
      job.log("attachment deleted before processing");
      job.progress(100);
      return;
    }
    Attachment attachment = found.get();
    if (!attachment.isPending()) {
      job.log("attachment already " + attachment.status());
      if (attachment.status() == AttachmentStatus.REJECTED) {
        storage.delete(attachment.storageKey());
      }
      job.progress(100);
      return;
    }
    Attachment outcome = inspect(job, attachment);
    boolean written = transactions.inTransaction(() -> attachments.finishProcessing(outcome));
    if (!written) {
      job.log("attachment changed meanwhile; outcome not written");
    } else {
      job.log(
          outcome.status()
              + (outcome.rejectionReason() == null ? "" : ": " + outcome.rejectionReason()));
      if (outcome.status() == AttachmentStatus.REJECTED) {
        storage.delete(outcome.storageKey());
      }
    }
    job.progress(100);
  }

  private Attachment inspect(Job job, Attachment attachment) throws IOException {
    Optional<ObjectContent> opened = storage.get(attachment.storageKey(), Optional.empty());
    if (opened.isEmpty()) {
      return attachment.withoutContent();
    }
    MessageDigest sha256 = sha256();
    try (ObjectContent content = opened.get()) {
      InputStream in = content.stream();
      byte[] head = in.readNBytes(HEAD_BYTES);
      sha256.update(head);
      String sniffed = sniffer.sniff(new ByteArrayInputStream(head));
      long size = head.length;
      long expected = Math.max(1, attachment.sizeBytes());
      int reported = 0;
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        size += n;
        int percent = (int) Math.min(99, size * 100 / expected);
        if (percent >= reported + 10) {
          reported = percent - percent % 10;
          job.progress(reported);
          if (job.cancelled()) {
            throw new CancellationException("attempt cancelled while reading the object");
          }
        }
      }
      return attachment.processed(HexFormat.of().formatHex(sha256.digest()), size, sniffed, policy);
    }
  }

  private static AttachmentId attachmentId(Job job) {
    String value = job.payload().get(AttachmentJobs.ATTACHMENT_ID);
    try {
      return new AttachmentId(UUID.fromString(value));
    } catch (RuntimeException e) {
      throw new PermanentJobFailure(
          "attachment job without a valid " + AttachmentJobs.ATTACHMENT_ID);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
