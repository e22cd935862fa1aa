package org.openair.action;

/** A decision that contradicts one already made, e.g. approving a rejected action. */
public class ActionConflictException extends RuntimeException {
  public ActionConflictException(String message) {
    super(message);
  }
}
