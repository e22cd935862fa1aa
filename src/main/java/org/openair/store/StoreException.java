package org.openair.store;

import java.sql.SQLException;

/** A database failure, unchecked so that callers need not wrap every JDBC call. */
public class StoreException extends RuntimeException {
  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
