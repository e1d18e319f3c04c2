package dev.worklane.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.UnsupportedMediaTypeException;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachmentTest {
  private static final String SHA = "a".repeat(64);
  private static final UploadPolicy POLICY = UploadPolicy.defaults();

  private static Attachment pending(String name, String type) {
    return Attachment.uploaded(
        AttachmentId.random(),
        TaskId.random(),
        name,
        type,
        42,
        "attachments/t/a",
        UserId.random(),
        Instant.parse("2026-12-06T10:00:00Z"));
  }

  @Test
  void anUploadIsPendingWithASafeNameAndType() {
    Attachment attachment = pending("../../etc/passwd\u0000", "Image/PNG; x=y");

    assertThat(attachment.status()).isEqualTo(AttachmentStatus.PENDING);
    assertThat(attachment.fileName()).isEqualTo("passwd");
    assertThat(attachment.declaredType()).isEqualTo("image/png");
    assertThat(attachment.sha256()).isNull();
    assertThat(attachment.servedType()).isEqualTo("application/octet-stream");
  }

  @Test
  void bytesThatAgreeMakeItReady() {
    Attachment ready = pending("a.png", "image/png").processed(SHA, 42, "image/png", POLICY);

    assertThat(ready.status()).isEqualTo(AttachmentStatus.READY);
    assertThat(ready.sha256()).isEqualTo(SHA);
    assertThat(ready.sniffedType()).isEqualTo("image/png");
    assertThat(ready.rejectionReason()).isNull();
    assertThat(ready.servedType()).isEqualTo("image/png");
  }

  @Test
  void htmlDeclaredAsPngIsRejectedWithTheReason() {
    Attachment rejected = pending("a.png", "image/png").processed(SHA, 42, "text/html", POLICY);

    assertThat(rejected.status()).isEqualTo(AttachmentStatus.REJECTED);
    assertThat(rejected.rejectionReason())
        .isEqualTo("the content is text/html, not the declared image/png");
  }

  @Test
  void contentNoLongerAcceptedIsRejected() {
    Attachment pending = pending("a.png", "image/png");
    UploadPolicy narrower = new UploadPolicy(100, Set.of("text/plain"));

    Attachment rejected = pending.processed(SHA, 42, "image/png", narrower);

    assertThat(rejected.status()).isEqualTo(AttachmentStatus.REJECTED);
    assertThat(rejected.rejectionReason()).contains("not accepted");
  }

  @Test
  void processingTwiceIsAConflictAndMissingContentIsARejection() {
    Attachment ready = pending("a.txt", "text/plain").processed(SHA, 1, "text/plain", POLICY);
    assertThatThrownBy(() -> ready.processed(SHA, 1, "text/plain", POLICY))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(ready::withoutContent).isInstanceOf(ConflictException.class);

    Attachment missing = pending("a.txt", "text/plain").withoutContent();
    assertThat(missing.status()).isEqualTo(AttachmentStatus.REJECTED);
    assertThat(missing.rejectionReason()).isEqualTo("the uploaded content is missing");
  }

  @Test
  void thePolicyRefusesUndeclaredAndUnlistedTypes() {
    assertThatThrownBy(() -> POLICY.requireAllowed("text/html"))
        .isInstanceOf(UnsupportedMediaTypeException.class)
        .hasMessageContaining("text/html");
    assertThatThrownBy(() -> POLICY.requireAllowed(MediaTypes.OCTET_STREAM))
        .isInstanceOf(UnsupportedMediaTypeException.class);
    POLICY.requireAllowed("application/pdf");
    assertThat(new UploadPolicy(5, Set.of(" Text/Plain ")).allowedTypes())
        .containsExactly("text/plain");
    assertThatThrownBy(() -> new UploadPolicy(5, Set.of("application/octet-stream")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
