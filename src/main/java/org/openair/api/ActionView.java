package org.openair.api;

import java.time.Instant;
import java.util.List;
import org.openair.action.ActionRecord;

/** An action as the API shows it, with the rule that recommended it. */
public record ActionView(
    String id,
    String investigationId,
    String type,
    String targetType,
    String target,
    String status,
    String ruleId,
    String ruleName,
    String playbook,
    String ruleFile,
    String ruleFileSha256,
    String ruleSetId,
    String explanation,
    List<String> matchedFacts,
    List<ActionRecord.DeliveryRef> deliveries,
    Instant createdAt,
    String decidedBy,
    Instant decidedAt,
    String comment,
    Instant executedAt,
    String executionNote) {

  public static ActionView of(ActionRecord a) {
    return new ActionView(
        a.id(),
        a.investigationId(),
        a.type().code(),
        a.targetType().code(),
        a.target(),
        a.status().code(),
        a.ruleId(),
        a.ruleName(),
        a.playbook(),
        a.ruleFile(),
        a.ruleFileSha256(),
        a.ruleSetId(),
        a.explanation(),
        a.matchedFacts(),
        a.deliveries(),
        a.createdAt(),
        a.decidedBy(),
        a.decidedAt(),
        a.comment(),
        a.executedAt(),
        a.executionNote());
  }
}
