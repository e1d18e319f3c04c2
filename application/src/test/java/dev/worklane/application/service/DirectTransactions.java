package dev.worklane.application.service;

import dev.worklane.application.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Runs the work inline, counts how often a transaction was opened, and reports each commit to a
 * listener so tests can check what happens after it.
 */
public final class DirectTransactions implements Transactions {
  private final Runnable onCommit;
  private int opened;

  public DirectTransactions() {
    this(() -> {});
  }

  public DirectTransactions(Runnable onCommit) {
    this.onCommit = onCommit;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    opened++;
    T result = work.get();
    onCommit.run();
    return result;
  }

  public int opened() {
    return opened;
  }
}
