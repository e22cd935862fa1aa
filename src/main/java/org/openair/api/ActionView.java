package org.openair.api;

import java.time.Instant;
import java.util.List;
import org.openair.action.ActionRecord;

/**
 * An action as the API shows it, with the rule that recommended it, its approvals (two are needed
 * for four-eyes types), and links to the action it was merged into, the other investigation's
 * action that already remediated its target, and its undo.
 */
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
    String executionNote,
    List<ActionRecord.Approval> approvals,
    int approvalsRequired,
    int attempts,
    Instant nextAttemptAt,
    String mergedInto,
    String remediatedBy,
    String undoOf,
    String undoneBy) {

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
        a.executionNote(),
        a.approvals(),
        a.approvalsRequired(),
        a.attempts(),
        a.nextAttemptAt(),
        a.mergedInto(),
        a.remediatedBy(),
        a.undoOf(),
        a.undoneBy());
  }
}
