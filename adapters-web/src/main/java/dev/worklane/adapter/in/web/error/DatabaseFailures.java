package dev.worklane.adapter.in.web.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises database failures by the JDBC exception inside whatever wrapped it (Spring's {@code
 * CannotCreateTransactionException}, {@code DataAccessResourceFailureException}, Hibernate's {@code
 * JDBCConnectionException}, Hikari's timeout): the web adapter sees only {@code java.sql}, so it
 * needs neither the persistence adapter's libraries nor a list of their wrappers.
 */
final class DatabaseFailures {
  private DatabaseFailures() {}

  /**
   * The database cannot be reached (SQLSTATE class 08 "connection exception", 57P01–57P03 "server
   * shutting down / cannot connect now", or a pool timeout): retrying later helps.
   */
  static boolean isUnavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P0")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * The database refused a value of the request (SQLSTATE class 22 "data exception", e.g. U+0000 in
   * text, an out-of-range number): a client mistake the input checks did not catch.
   */
  static boolean isRejectedValue(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
