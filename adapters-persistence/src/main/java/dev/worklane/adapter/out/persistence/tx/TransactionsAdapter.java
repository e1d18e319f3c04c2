package dev.worklane.adapter.out.persistence.tx;

import dev.worklane.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} with Spring's {@link TransactionTemplate}: READ COMMITTED, joins an
 * enclosing transaction, and rolls back on any exception or error thrown by the work (the template
 * rolls back on every {@link Throwable}, checked ones included), which then propagates.
 *
 * <p>After-commit actions are collected per thread and run when the outermost {@code inTransaction}
 * has returned, not from a Spring {@code TransactionSynchronization}: there the committed
 * transaction's connection is still bound, and data access from the action would silently join it.
 */
@Component
public class TransactionsAdapter implements Transactions {

  private final TransactionTemplate template;
  private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

  public TransactionsAdapter(PlatformTransactionManager transactionManager) {
    TransactionTemplate readCommitted = new TransactionTemplate(transactionManager);
    readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    readCommitted.setName("worklane.transactions");
    this.template = readCommitted;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (pending.get() != null) {
      return template.execute(status -> work.get()); // joins the outer one: it runs the actions
    }
    List<Runnable> actions = new ArrayList<>();
    pending.set(actions);
    T result;
    try {
      result = template.execute(status -> work.get());
    } finally {
      pending.remove();
    }
    runAll(actions);
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    List<Runnable> actions = pending.get();
    if (actions == null) {
      action.run();
    } else {
      actions.add(action);
    }
  }

  private static void runAll(List<Runnable> actions) {
    RuntimeException first = null;
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
