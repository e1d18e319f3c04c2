package dev.worklane.application.service.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.SetAvatarCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ContentSniffer;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProfileRepository.AvatarReplacement;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.PayloadTooLargeException;
import dev.worklane.domain.common.UnsupportedMediaTypeException;
import dev.worklane.domain.user.AvatarFormat;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AvatarServiceTest {
  static final Instant NOW = T0.plusSeconds(5);

  @Mock UserRepository users;
  @Mock ProfileRepository profiles;
  @Mock ObjectStorage storage;
  @Mock ContentSniffer sniffer;
  @Mock Cache cache;
  @Mock Runnable commit;

  final User ada = aUser().build();
  final Actor actor = new Actor(ada.id(), Set.of(Role.USER));
  final CacheKey cacheKey = CacheKey.user(ada.id());
  final byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

  AvatarService service() {
    DirectTransactions transactions = new DirectTransactions(commit);
    return new AvatarService(
        users,
        profiles,
        storage,
        sniffer,
        new CachedWrites(cache, transactions),
        transactions,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  Profile profileWith(String avatarKey) {
    return new Profile(ada.id(), "Ada", ZoneId.of("UTC"), avatarKey, NOW);
  }

  /** The profile store answers the key it is given, replacing {@code previous}. */
  void profileStoreReplaces(String previous) {
    when(profiles.replaceAvatar(eq(ada.id()), any(), eq(NOW)))
        .thenAnswer(
            inv ->
                Optional.of(
                    new AvatarReplacement(
                        profileWith(inv.getArgument(1)), Optional.ofNullable(previous))));
  }

  static SetAvatarCommand upload(byte[] bytes) {
    return new SetAvatarCommand(new ByteArrayInputStream(bytes));
  }

  @Test
  void storesTheImageAsAPublicObjectUnderAFreshKeyAndPointsTheProfileAtIt() throws Exception {
    when(sniffer.sniff(any())).thenReturn("image/png");
    profileStoreReplaces(null);
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    ArgumentCaptor<InputStream> stored = ArgumentCaptor.forClass(InputStream.class);
    ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);

    UserAccount account = service().setAvatar(actor, upload(png));

    verify(storage)
        .put(
            key.capture(),
            stored.capture(),
            eq((long) png.length),
            eq("image/png"),
            eq(ObjectVisibility.PUBLIC));
    assertThat(key.getValue()).matches("avatars/" + ada.id() + "/[0-9a-f-]{36}\\.png");
    assertThat(stored.getValue().readAllBytes()).isEqualTo(png);
    verify(profiles).replaceAvatar(ada.id(), key.getValue(), NOW);
    assertThat(account).isEqualTo(UserAccount.of(ada, profileWith(key.getValue())));
    verify(storage, never()).delete(anyString());
  }

  @Test
  void everyUploadGetsANewKey() {
    when(sniffer.sniff(any())).thenReturn("image/webp");
    profileStoreReplaces(null);
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));

    String first = service().setAvatar(actor, upload(png)).profile().avatarKey();
    String second = service().setAvatar(actor, upload(png)).profile().avatarKey();

    assertThat(first).endsWith(".webp").isNotEqualTo(second);
  }

  @Test
  void theSniffedTypeDecidesAndTheSnifferSeesTheUploadedBytes() {
    AtomicReference<byte[]> sniffed = new AtomicReference<>();
    when(sniffer.sniff(any()))
        .thenAnswer(
            inv -> {
              sniffed.set(((InputStream) inv.getArgument(0)).readAllBytes());
              return "image/jpeg";
            });
    profileStoreReplaces(null);
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));

    String key = service().setAvatar(actor, upload(png)).profile().avatarKey();

    assertThat(sniffed.get()).isEqualTo(png);
    assertThat(key).endsWith(".jpg");
    verify(storage).put(eq(key), any(), anyLong(), eq("image/jpeg"), eq(ObjectVisibility.PUBLIC));
  }

  @Test
  void anythingButPngJpegOrWebpIsRefusedAndNothingIsStored() {
    for (String type :
        new String[] {"image/gif", "text/html", "image/svg+xml", "application/octet-stream"}) {
      when(sniffer.sniff(any())).thenReturn(type);

      assertThatThrownBy(() -> service().setAvatar(actor, upload(png)))
          .as(type)
          .isInstanceOf(UnsupportedMediaTypeException.class)
          .hasMessage("file of type " + type + " is not accepted");
    }
    verifyNoInteractions(storage, profiles, cache, users);
  }

  @Test
  void anImageOfExactlyTheLimitIsAccepted() {
    when(sniffer.sniff(any())).thenReturn("image/png");
    profileStoreReplaces(null);
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));

    service().setAvatar(actor, upload(new byte[AvatarFormat.MAX_BYTES]));

    verify(storage)
        .put(
            anyString(),
            any(),
            eq((long) AvatarFormat.MAX_BYTES),
            eq("image/png"),
            eq(ObjectVisibility.PUBLIC));
  }

  @Test
  void oneByteOverTheLimitIsRefusedAfterReadingNoMoreThanThat() {
    AtomicLong read = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 0);
            read.addAndGet(len);
            return len;
          }
        };

    assertThatThrownBy(() -> service().setAvatar(actor, new SetAvatarCommand(endless)))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("file exceeds the limit of 2097152 bytes");
    assertThat(read.get()).isEqualTo(AvatarFormat.MAX_BYTES + 1L);
    verifyNoInteractions(sniffer, storage, profiles, cache);
  }

  @Test
  void theReplacedImageIsDeletedOnlyAfterCommitAndTheCachedUserIsEvictedAroundTheWrite() {
    when(sniffer.sniff(any())).thenReturn("image/png");
    profileStoreReplaces("avatars/old.png");
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));

    service().setAvatar(actor, upload(png));

    InOrder order = inOrder(cache, storage, profiles, commit);
    order.verify(storage).put(anyString(), any(), anyLong(), anyString(), any());
    order.verify(cache).evict(cacheKey);
    order.verify(profiles).replaceAvatar(eq(ada.id()), anyString(), eq(NOW));
    order.verify(commit).run();
    order.verify(cache).evict(cacheKey);
    order.verify(storage).delete("avatars/old.png");
  }

  @Test
  void aTransactionThatFailsRemovesTheNewObjectAndKeepsTheOldOne() {
    when(sniffer.sniff(any())).thenReturn("image/png");
    when(profiles.replaceAvatar(eq(ada.id()), anyString(), eq(NOW))).thenReturn(Optional.empty());
    ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);

    assertThatThrownBy(() -> service().setAvatar(actor, upload(png)))
        .isInstanceOf(NotFoundException.class);

    verify(storage).put(key.capture(), any(), anyLong(), anyString(), any());
    verify(storage).delete(key.getValue());
    verify(commit, never()).run();
  }

  @Test
  void aFailureAfterCommitKeepsTheNewObjectTheProfileNowNames() {
    when(sniffer.sniff(any())).thenReturn("image/png");
    profileStoreReplaces(null);
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    // The eviction before the write works; the one after the commit fails.
    doNothing().doThrow(new IllegalStateException("cache down")).when(cache).evict(cacheKey);

    assertThatThrownBy(() -> service().setAvatar(actor, upload(png)))
        .isInstanceOf(IllegalStateException.class);

    verify(commit).run();
    verify(storage, never()).delete(anyString());
  }

  @Test
  void aFailedDeletionOfTheReplacedImageIsLoggedNotFatal() {
    when(sniffer.sniff(any())).thenReturn("image/png");
    profileStoreReplaces("avatars/old.png");
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    doThrow(new StorageUnavailableException("down", null)).when(storage).delete("avatars/old.png");

    UserAccount account = service().setAvatar(actor, upload(png));

    assertThat(account.profile().avatarKey()).startsWith("avatars/" + ada.id() + "/");
    verify(storage).delete("avatars/old.png");
    verify(storage, never()).delete(account.profile().avatarKey());
  }

  @Test
  void anUnreachableStoreChangesNothing() {
    when(sniffer.sniff(any())).thenReturn("image/png");
    when(storage.put(anyString(), any(), anyLong(), anyString(), any()))
        .thenThrow(new StorageUnavailableException("down", null));

    assertThatThrownBy(() -> service().setAvatar(actor, upload(png)))
        .isInstanceOf(StorageUnavailableException.class);
    verifyNoInteractions(profiles, cache);
  }

  @Test
  void aBrokenUploadStreamIsReportedWithItsCause() {
    IOException broken = new IOException("connection reset");
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw broken;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw broken;
          }
        };

    assertThatThrownBy(() -> service().setAvatar(actor, new SetAvatarCommand(failing)))
        .isInstanceOf(UncheckedIOException.class)
        .hasCause(broken);
    verifyNoInteractions(storage, profiles);
  }

  @Test
  void removingClearsTheProfileAndDeletesTheImageAfterCommit() {
    profileStoreReplaces("avatars/old.png");

    service().removeAvatar(actor);

    InOrder order = inOrder(cache, profiles, commit, storage);
    order.verify(cache).evict(cacheKey);
    order.verify(profiles).replaceAvatar(ada.id(), null, NOW);
    order.verify(commit).run();
    order.verify(cache).evict(cacheKey);
    order.verify(storage).delete("avatars/old.png");
  }

  @Test
  void removingWhenThereIsNoAvatarDeletesNothing() {
    profileStoreReplaces(null);

    service().removeAvatar(actor);

    verify(profiles).replaceAvatar(ada.id(), null, NOW);
    verifyNoInteractions(storage);
  }

  @Test
  void removingSucceedsEvenWhenTheStoreCannotDeleteNow() {
    profileStoreReplaces("avatars/old.png");
    doThrow(new StorageUnavailableException("down", null)).when(storage).delete("avatars/old.png");

    service().removeAvatar(actor);

    verify(storage).delete("avatars/old.png");
  }

  @Test
  void removingTheAvatarOfAVanishedProfileIsNotFound() {
    when(profiles.replaceAvatar(ada.id(), null, NOW)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service().removeAvatar(actor)).isInstanceOf(NotFoundException.class);
    verifyNoInteractions(storage);
  }

  @Test
  void theUrlIsTheStoresPublicUrlOfTheKey() {
    when(storage.publicUrl("avatars/a/b.png"))
        .thenReturn(URI.create("https://cdn.example.com/avatars/a/b.png"));

    assertThat(service().avatarUrl(profileWith("avatars/a/b.png")))
        .contains(URI.create("https://cdn.example.com/avatars/a/b.png"));
    assertThat(service().avatarUrl(profileWith(null))).isEmpty();
  }
}
