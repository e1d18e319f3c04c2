package dev.worklane.application.port.out;

import java.util.Optional;

/**
 * Cache-aside storage for expensive reads. Implementations never throw on infrastructure failure: a
 * broken cache behaves as an empty one (logged and metered by the adapter), so a request always
 * falls through to the database. Cached values must be immutable (records of immutable parts): an
 * adapter may hand one instance to several readers.
 */
public interface Cache {
  <T> Optional<T> get(CacheKey key, Class<T> type);

  void put(CacheKey key, Object value);

  void evict(CacheKey key);
}
