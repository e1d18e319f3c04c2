package dev.worklane.adapter.out.persistence.tx;

import dev.worklane.application.port.out.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} with Spring's {@link TransactionTemplate}: READ COMMITTED (SPEC 5), joins an
 * enclosing transaction, and rolls back on any exception or error thrown by the work (the template
 * rolls back on every {@link Throwable}, checked ones included), which then propagates.
 */
@Component
public class TransactionsAdapter implements Transactions {

  private final TransactionTemplate template;

  public TransactionsAdapter(PlatformTransactionManager transactionManager) {
    TransactionTemplate readCommitted = new TransactionTemplate(transactionManager);
    readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    readCommitted.setName("worklane.transactions");
    this.template = readCommitted;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
