package dev.worklane.application.service.user;

import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.service.support.OrphanObjects;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * Removes stored avatars that no profile names: left behind when the application stopped between
 * storing an upload and committing it, or when deleting a replaced avatar failed (storage down).
 * Only objects older than the grace period are looked at, so an upload in flight is never taken;
 * every upload has a fresh key, so an object that old and unnamed stays unnamed.
 */
public final class AvatarSweeper {
  private static final System.Logger LOG = System.getLogger(AvatarSweeper.class.getName());
  static final String PREFIX = "avatars/";
  private static final int BATCH = 100;

  private final ObjectStorage storage;
  private final ProfileRepository profiles;
  private final Duration grace;
  private final Clock clock;

  public AvatarSweeper(
      ObjectStorage storage, ProfileRepository profiles, Duration grace, Clock clock) {
    this.storage = storage;
    this.profiles = profiles;
    this.grace = grace;
    this.clock = clock;
  }

  /** One pass over {@code avatars/}, asking the profiles about 100 keys at a time. */
  public int sweep() {
    int removed =
        OrphanObjects.remove(
            storage, PREFIX, clock.instant().minus(grace), BATCH, profiles::avatarKeysInUse);
    if (removed > 0) {
      LOG.log(Level.INFO, "avatar_sweep removed={0}", removed);
    }
    return removed;
  }
}
