package dev.worklane.application.port.in.user;

import dev.worklane.application.port.in.Actor;
import dev.worklane.domain.user.Profile;
import java.net.URI;
import java.util.Optional;

/**
 * The caller's avatar: a PNG, JPEG or WebP image (told by its bytes) of at most 2 MiB, stored as a
 * public object that anyone holding its URL may fetch.
 */
public interface AvatarUseCase {

  /**
   * Replaces the caller's avatar with the uploaded image and answers the account as it is now. The
   * new image gets a new key (and so a new URL); the replaced one is deleted once committed.
   */
  UserAccount setAvatar(Actor actor, SetAvatarCommand command);

  /** Removes the caller's avatar, if any, and its stored image. */
  void removeAvatar(Actor actor);

  /**
   * Where anyone, without credentials, fetches the profile's avatar: under {@code
   * WORKLANE_PUBLIC_FILES_BASE_URL}. Empty when the profile has none.
   */
  Optional<URI> avatarUrl(Profile profile);
}
