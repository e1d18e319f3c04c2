package dev.worklane.application.service;

import dev.worklane.application.port.out.Transactions;
import java.util.function.Supplier;

/** Runs the work inline and counts how often a transaction was opened. */
public final class DirectTransactions implements Transactions {
  private int opened;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    opened++;
    return work.get();
  }

  public int opened() {
    return opened;
  }
}
