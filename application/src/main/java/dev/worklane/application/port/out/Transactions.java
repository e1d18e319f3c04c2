package dev.worklane.application.port.out;

import java.util.function.Supplier;

/**
 * Runs multi-step writes atomically: everything commits, or everything rolls back on any error.
 * Work that must only happen once the data is committed (cache eviction, revocation stamps, job
 * relays) is registered with {@link #afterCommit(Runnable)}.
 */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code action} once the outermost enclosing transaction has committed, outside of it (it
   * may open transactions of its own); never when it rolls back. Outside a transaction the action
   * runs at once. Actions run in registration order; if one fails, the others still run and the
   * first failure is rethrown to the caller of {@link #inTransaction}.
   */
  void afterCommit(Runnable action);
}
