package org.openair.action;

/**
 * The user may decide actions in general but not this one (e.g. they started its investigation).
 */
public class ActionForbiddenException extends RuntimeException {
  public ActionForbiddenException(String message) {
    super(message);
  }
}
