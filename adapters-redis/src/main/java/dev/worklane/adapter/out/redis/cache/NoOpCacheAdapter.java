package dev.worklane.adapter.out.redis.cache;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;

/**
 * The cache port with caching switched off ({@code WORKLANE_CACHE_ENABLED=false}): every read goes
 * to the database. The benchmark's baseline, and a way out if cached data is ever suspect.
 */
public final class NoOpCacheAdapter implements Cache {
  @Override
  public <T> Lookup<T> get(CacheKey key, Class<T> type) {
    return Lookup.uncacheable();
  }

  @Override
  public void put(CacheKey key, Lookup<?> miss, Object value) {}

  @Override
  public void evict(CacheKey key) {}
}
