package dev.worklane.adapter.out.persistence.support;

import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Which constraint a failed write broke, so adapters translate exactly the one they expect. */
public final class Constraints {

  private Constraints() {}

  /** True when the failure is a violation of exactly {@code constraint}, whatever wraps it. */
  public static boolean violates(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConstraintViolationException hibernate
          && constraint.equalsIgnoreCase(hibernate.getConstraintName())) {
        return true;
      }
      if (cause instanceof PSQLException psql) {
        ServerErrorMessage server = psql.getServerErrorMessage();
        return server != null && constraint.equalsIgnoreCase(server.getConstraint());
      }
    }
    return false;
  }
}
