package org.openair.engine;

import java.util.List;

/**
 * Why a derived fact exists: the rule that inserted it, the rule's metadata, the file it came from
 * and that file's SHA-256, the rule set, and the facts the rule matched.
 */
public record Provenance(
    String ruleId,
    String ruleName,
    String playbook,
    String severity,
    String file,
    String fileSha256,
    String ruleSetId,
    List<String> matchedFacts) {

  Provenance withMatchedFacts(List<String> facts) {
    return new Provenance(
        ruleId, ruleName, playbook, severity, file, fileSha256, ruleSetId, List.copyOf(facts));
  }
}
