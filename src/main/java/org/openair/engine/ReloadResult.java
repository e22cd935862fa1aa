package org.openair.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one load or reload attempt. A refused attempt has a null rule set id and leaves
 * the previous set serving; {@code fileHashes} are those of the files the attempt read.
 */
public record ReloadResult(
    boolean accepted,
    String ruleSetId,
    Instant at,
    List<RuleError> errors,
    Map<String, String> fileHashes) {

  public ReloadResult {
    errors = List.copyOf(errors);
    fileHashes = Map.copyOf(fileHashes);
  }
}
