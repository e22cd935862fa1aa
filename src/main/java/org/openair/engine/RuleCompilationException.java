package org.openair.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when rule files fail the lint or do not compile; carries every error found. */
public class RuleCompilationException extends Exception {
  private final transient List<RuleError> errors;

  public RuleCompilationException(List<RuleError> errors) {
    super(
        errors.size()
            + " rule error(s):\n"
            + errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
