package dev.worklane.application.port.out;

import java.util.function.Supplier;

/** Runs multi-step writes atomically: everything commits, or everything rolls back on any error. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
