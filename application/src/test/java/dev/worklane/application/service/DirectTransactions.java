package dev.worklane.application.service;

import dev.worklane.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work inline, counts how often a transaction was opened, runs after-commit actions once
 * the outermost work returned (none when it threw; all of them even when one fails, the first
 * failure rethrown, as the port promises), and reports each commit to a listener so tests can check
 * what happens after it.
 */
public final class DirectTransactions implements Transactions {
  private final Runnable onCommit;
  private int opened;
  private List<Runnable> pending;

  public DirectTransactions() {
    this(() -> {});
  }

  public DirectTransactions(Runnable onCommit) {
    this.onCommit = onCommit;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    opened++;
    if (pending != null) {
      return work.get();
    }
    pending = new ArrayList<>();
    T result;
    List<Runnable> actions;
    try {
      result = work.get();
    } finally {
      actions = pending;
      pending = null;
    }
    onCommit.run();
    RuntimeException first = null;
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    if (pending == null) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  public int opened() {
    return opened;
  }
}
