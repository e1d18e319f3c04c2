package dev.worklane.application.service.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.file.FileLinkRejectedException;
import dev.worklane.application.port.in.file.FileLinkRejectedException.Reason;
import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.SignedFileLink;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ServedFiles;
import dev.worklane.domain.common.NotFoundException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileDownloadServiceTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  final ServedFiles served = mock(ServedFiles.class);
  final ObjectStorage storage = mock(ObjectStorage.class);
  final FileDownloadService service =
      new FileDownloadService(served, storage, Clock.fixed(NOW, ZoneOffset.UTC));
  final SignedFileLink link =
      new SignedFileLink(
          "attachments/a",
          NOW.plusSeconds(60),
          new DownloadDisposition("a.txt", "text/plain"),
          "s");
  final ObjectContent content =
      new ObjectContent(new ByteArrayInputStream(new byte[3]), 3, 3, "text/plain", false);

  @Test
  void opensTheObjectOfAnAuthenticUnexpiredLink() {
    when(served.servesSignedLinks()).thenReturn(true);
    when(served.isAuthentic(link)).thenReturn(true);
    Optional<ByteRange> range = Optional.of(new ByteRange(1, 2));
    when(storage.get("attachments/a", range)).thenReturn(Optional.of(content));

    assertThat(service.openSigned(link, range)).isSameAs(content);
  }

  @Test
  void refusesAnEditedLinkAsInvalidEvenWhenItsExpiryHasPassed() {
    SignedFileLink edited =
        new SignedFileLink(link.key(), NOW.minusSeconds(1), link.disposition(), "s");
    when(served.servesSignedLinks()).thenReturn(true);
    when(served.isAuthentic(edited)).thenReturn(false);

    assertThatThrownBy(() -> service.openSigned(edited, Optional.empty()))
        .isInstanceOfSatisfying(
            FileLinkRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    verifyNoInteractions(storage);
  }

  @Test
  void refusesAnAuthenticLinkFromItsExpiryOn() {
    SignedFileLink expired = new SignedFileLink(link.key(), NOW, link.disposition(), "s");
    when(served.servesSignedLinks()).thenReturn(true);
    when(served.isAuthentic(expired)).thenReturn(true);

    assertThatThrownBy(() -> service.openSigned(expired, Optional.empty()))
        .isInstanceOfSatisfying(
            FileLinkRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    verifyNoInteractions(storage);
  }

  @Test
  void answersNotFoundWhenTheStoreServesItsOwnLinksOrTheObjectIsGone() {
    when(served.servesSignedLinks()).thenReturn(false);
    assertThatThrownBy(() -> service.openSigned(link, Optional.empty()))
        .isInstanceOf(NotFoundException.class);

    when(served.servesSignedLinks()).thenReturn(true);
    when(served.isAuthentic(link)).thenReturn(true);
    when(storage.get("attachments/a", Optional.empty())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> service.openSigned(link, Optional.empty()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void opensOnlyPublicObjects() {
    when(served.openPublic("avatars/x", Optional.empty())).thenReturn(Optional.of(content));
    when(served.openPublic("attachments/a", Optional.empty())).thenReturn(Optional.empty());

    assertThat(service.openPublic("avatars/x", Optional.empty())).isSameAs(content);
    assertThatThrownBy(() -> service.openPublic("attachments/a", Optional.empty()))
        .isInstanceOf(NotFoundException.class);
  }
}
