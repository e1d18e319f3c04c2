package dev.worklane.application.service.support;

import dev.worklane.application.port.out.ObjectStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Removes the stored objects under a prefix that no row names, asking the owning table about a
 * batch of keys at a time. Shared by the sweepers of attachments and avatars: both write the object
 * first and the row after, so an object older than the caller's grace period with no row is one
 * that lost its row for good (a crash between the two, a failed delete, a cascaded row delete).
 */
public final class OrphanObjects {
  private OrphanObjects() {}

  /**
   * One pass over {@code prefix}: every object last modified before {@code olderThan} whose key is
   * not among those {@code keysInUse} answers for its batch (of {@code batchSize} keys) is deleted.
   * Returns how many were.
   */
  public static int remove(
      ObjectStorage storage,
      String prefix,
      Instant olderThan,
      int batchSize,
      Function<List<String>, Set<String>> keysInUse) {
    List<String> batch = new ArrayList<>(batchSize);
    int[] removed = {0};
    storage.list(
        prefix,
        olderThan,
        object -> {
          batch.add(object.key());
          if (batch.size() == batchSize) {
            removed[0] += removeUnnamed(storage, batch, keysInUse);
            batch.clear();
          }
        });
    removed[0] += removeUnnamed(storage, batch, keysInUse);
    return removed[0];
  }

  private static int removeUnnamed(
      ObjectStorage storage, List<String> keys, Function<List<String>, Set<String>> keysInUse) {
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> named = keysInUse.apply(List.copyOf(keys));
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
