package org.openair.intel;

/** A feed could not be read or parsed at all; the source keeps its previous indicators. */
public class FeedException extends Exception {
  public FeedException(String message) {
    super(message);
  }

  public FeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
