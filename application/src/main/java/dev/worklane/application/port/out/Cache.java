package dev.worklane.application.port.out;

import java.util.Optional;

/**
 * Cache-aside storage for expensive reads. Implementations never throw on infrastructure failure: a
 * broken cache behaves as an empty one (logged and metered by the adapter), so a request always
 * falls through to the database. Cached values must be immutable (records of immutable parts): an
 * adapter may hand one instance to several readers.
 *
 * <p>A value is cached only through the {@link Lookup} of the miss it answers: {@link #put} refuses
 * it when the key was evicted after that lookup, so a read that began before a write committed
 * cannot put the old value back after the write's eviction. An eviction is never dropped: one that
 * cannot reach the store now is kept and applied before the cache answers again.
 */
public interface Cache {
  /** The cached value, or a miss to hand to {@link #put} with what the database says. */
  <T> Lookup<T> get(CacheKey key, Class<T> type);

  /**
   * Caches {@code value}, read from the database after {@code miss} — unless {@code key} was
   * evicted since (the value may predate a write) or {@code miss} cannot be trusted.
   */
  void put(CacheKey key, Lookup<?> miss, Object value);

  void evict(CacheKey key);

  /**
   * What {@link #get} found: a hit, or a miss carrying the entry's version at the time of the read
   * ({@link #UNVERSIONED} when the store could not say: nothing may be cached from it).
   */
  record Lookup<T>(Optional<T> value, long version) {
    public static final long UNVERSIONED = -1;

    public static <T> Lookup<T> hit(T value) {
      return new Lookup<>(Optional.of(value), UNVERSIONED);
    }

    public static <T> Lookup<T> miss(long version) {
      return new Lookup<>(Optional.empty(), version);
    }

    /** A miss from which nothing may be cached (the store is down, or the cache switched off). */
    public static <T> Lookup<T> uncacheable() {
      return miss(UNVERSIONED);
    }

    /** True when a value read after this miss may be cached. */
    public boolean cacheable() {
      return value.isEmpty() && version >= 0;
    }
  }
}
