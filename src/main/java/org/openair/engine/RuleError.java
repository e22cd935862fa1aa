package org.openair.engine;

/** A lint or compilation error in a rule file; line and column are 1-based, 0 when unknown. */
public record RuleError(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
