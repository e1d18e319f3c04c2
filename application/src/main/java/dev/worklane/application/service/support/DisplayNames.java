package dev.worklane.application.service.support;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Display names of the people a page shows (assignees, members), read through the cache ({@code
 * cache:profiles:{id}:name}): a page of tasks usually names the same few people, and the one query
 * for the rest runs only on misses. A profile change evicts the entry (MyAccountService).
 */
public final class DisplayNames {
  private final ProfileRepository profiles;
  private final Cache cache;

  public DisplayNames(ProfileRepository profiles, Cache cache) {
    this.profiles = profiles;
    this.cache = cache;
  }

  /** The names of {@code ids}; an id without a profile is left out. */
  public Map<UserId, String> of(Collection<UserId> ids) {
    Map<UserId, String> names = new HashMap<>();
    Map<UserId, Cache.Lookup<String>> missing = new LinkedHashMap<>();
    for (UserId id : new LinkedHashSet<>(ids)) {
      Cache.Lookup<String> cached = cache.get(CacheKey.displayName(id), String.class);
      cached.value().ifPresentOrElse(name -> names.put(id, name), () -> missing.put(id, cached));
    }
    if (!missing.isEmpty()) {
      for (Profile profile : profiles.findByUserIds(List.copyOf(missing.keySet())).values()) {
        names.put(profile.userId(), profile.displayName());
        cache.put(
            CacheKey.displayName(profile.userId()),
            missing.get(profile.userId()),
            profile.displayName());
      }
    }
    return names;
  }
}
