package org.openair.action;

import java.sql.Connection;
import java.sql.SQLException;

/** Carries out an approved action on the systems it targets. */
public interface ActionExecutor {

  /**
   * Executes {@code action}. Runs inside the transaction that records the outcome, so changes to
   * OpenAIR's own store commit with it.
   */
  ExecutionResult execute(Connection c, ActionRecord action) throws SQLException;

  /** What happened: executed or failed, with a note a person can read. */
  record ExecutionResult(boolean success, String note) {}
}
