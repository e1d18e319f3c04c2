package dev.worklane.application.port.out;

import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface ProfileRepository {
  Optional<Profile> findByUserId(UserId userId);

  /**
   * Stores the name and time zone (inserting the first profile of a user). The avatar key is left
   * as stored: it changes only through {@link #replaceAvatar}.
   */
  Profile save(Profile profile);

  /**
   * The profiles of several users at once (a page of tasks, of members); absent ids are left out.
   */
  Map<UserId, Profile> findByUserIds(Collection<UserId> userIds);

  /**
   * Sets the user's avatar key ({@code null} clears it) and answers the profile as it is now with
   * the key it replaced, read under the row's lock: of two concurrent uploads, each learns the key
   * the other wrote or the one before both, so every replaced object is deleted exactly once. Empty
   * when the user has no profile.
   */
  Optional<AvatarReplacement> replaceAvatar(UserId userId, String avatarKey, Instant now);

  /**
   * Those of {@code avatarKeys} that some profile names as its avatar (the orphan sweep's test).
   */
  Set<String> avatarKeysInUse(Collection<String> avatarKeys);

  /** The profile after {@link #replaceAvatar}, and the avatar key it had before. */
  record AvatarReplacement(Profile profile, Optional<String> previousKey) {}
}
