package dev.worklane.application.service.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.AvatarUseCase;
import dev.worklane.application.port.in.user.SetAvatarCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ContentSniffer;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProfileRepository.AvatarReplacement;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.PayloadTooLargeException;
import dev.worklane.domain.common.UnsupportedMediaTypeException;
import dev.worklane.domain.user.AvatarFormat;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Avatars as public objects under {@code avatars/<userId>/<random>.<ext>}. The object is written
 * before the transaction that points the profile at it, and removed again if that transaction does
 * not commit; the replaced object is deleted after the commit. A deletion that fails (storage down)
 * is logged and leaves an unreferenced object, never a profile pointing at a missing one.
 */
public final class AvatarService implements AvatarUseCase {
  private static final System.Logger LOG = System.getLogger(AvatarService.class.getName());

  private final UserRepository users;
  private final ProfileRepository profiles;
  private final ObjectStorage storage;
  private final ContentSniffer sniffer;
  private final CachedWrites cachedWrites;
  private final Transactions transactions;
  private final Clock clock;

  public AvatarService(
      UserRepository users,
      ProfileRepository profiles,
      ObjectStorage storage,
      ContentSniffer sniffer,
      CachedWrites cachedWrites,
      Transactions transactions,
      Clock clock) {
    this.users = users;
    this.profiles = profiles;
    this.storage = storage;
    this.sniffer = sniffer;
    this.cachedWrites = cachedWrites;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The image is buffered, bounded by {@link AvatarFormat#MAX_BYTES} (2 MiB, plus the one byte that
   * tells an oversized upload): the sniffer reads the head, and the store is then given the exact
   * length, so it writes one object instead of a multipart upload. Larger files (attachments)
   * stream instead; an avatar never needs to.
   */
  @Override
  public UserAccount setAvatar(Actor actor, SetAvatarCommand command) {
    UserId id = actor.userId();
    byte[] image = readAtMostTheLimit(command.content());
    String sniffed = sniffer.sniff(new ByteArrayInputStream(image));
    AvatarFormat format =
        AvatarFormat.ofMediaType(sniffed)
            .orElseThrow(() -> new UnsupportedMediaTypeException(SetAvatarCommand.FIELD, sniffed));
    String key = format.keyFor(id, UUID.randomUUID());
    storage.put(
        key,
        new ByteArrayInputStream(image),
        image.length,
        format.mediaType(),
        ObjectVisibility.PUBLIC);
    AtomicBoolean committed = new AtomicBoolean();
    try {
      UserAccount account =
          cachedWrites.write(
              CacheKey.user(id),
              () -> {
                transactions.afterCommit(() -> committed.set(true));
                AvatarReplacement replaced = replace(id, key);
                User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
                return UserAccount.of(user, replaced.profile());
              });
      LOG.log(Level.INFO, () -> "avatar_set userId=" + id + " type=" + format.mediaType());
      return account;
    } catch (RuntimeException e) {
      // Committed means the profile names the new object: only an after-commit step failed.
      if (!committed.get()) {
        deleteQuietly(key);
      }
      throw e;
    }
  }

  @Override
  public void removeAvatar(Actor actor) {
    cachedWrites.write(CacheKey.user(actor.userId()), () -> replace(actor.userId(), null));
  }

  @Override
  public Optional<URI> avatarUrl(Profile profile) {
    return profile.avatar().map(storage::publicUrl);
  }

  /** Points the profile at {@code key} (none when null); the replaced object goes after commit. */
  private AvatarReplacement replace(UserId id, String key) {
    AvatarReplacement replaced =
        profiles
            .replaceAvatar(id, key, clock.instant())
            .orElseThrow(() -> new NotFoundException("Profile"));
    replaced
        .previousKey()
        .ifPresent(previous -> transactions.afterCommit(() -> deleteQuietly(previous)));
    return replaced;
  }

  private static byte[] readAtMostTheLimit(InputStream content) {
    byte[] image;
    try {
      image = content.readNBytes(AvatarFormat.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (image.length > AvatarFormat.MAX_BYTES) {
      throw new PayloadTooLargeException(SetAvatarCommand.FIELD, AvatarFormat.MAX_BYTES);
    }
    return image;
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () -> "avatar_delete_failed key=" + key + " error=" + e.getClass().getSimpleName());
    }
  }
}
