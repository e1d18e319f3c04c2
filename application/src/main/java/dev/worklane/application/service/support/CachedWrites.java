package dev.worklane.application.service.support;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.Transactions;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cache rule for writes, in one place: invalidate before the write, and again after commit. A
 * reader that missed before the commit cannot put the old value back after it: the second eviction
 * changes the entry's version, and {@link Cache#put} refuses a value read under an older one.
 */
public final class CachedWrites {
  private final Cache cache;
  private final Transactions transactions;

  public CachedWrites(Cache cache, Transactions transactions) {
    this.cache = cache;
    this.transactions = transactions;
  }

  /** Runs {@code work} in a transaction that changes what {@code keys} cache. */
  public <T> T write(CacheKey key, Supplier<T> work) {
    return write(List.of(key), work);
  }

  public <T> T write(List<CacheKey> keys, Supplier<T> work) {
    keys.forEach(cache::evict);
    return transactions.inTransaction(
        () -> {
          transactions.afterCommit(() -> keys.forEach(cache::evict));
          return work.get();
        });
  }
}
