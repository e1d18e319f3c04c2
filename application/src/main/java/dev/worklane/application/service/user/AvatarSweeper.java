package dev.worklane.application.service.user;

import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    List<String> batch = new ArrayList<>(BATCH);
    int[] removed = {0};
    storage.list(
        PREFIX,
        clock.instant().minus(grace),
        object -> {
          batch.add(object.key());
          if (batch.size() == BATCH) {
            removed[0] += removeUnnamed(batch);
            batch.clear();
          }
        });
    removed[0] += removeUnnamed(batch);
    if (removed[0] > 0) {
      LOG.log(Level.INFO, "avatar_sweep removed={0}", removed[0]);
    }
    return removed[0];
  }

  private int removeUnnamed(List<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> named = profiles.avatarKeysInUse(keys);
    int removed = 0;
    for (String key : keys) {
      if (!named.contains(key)) {
        storage.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
