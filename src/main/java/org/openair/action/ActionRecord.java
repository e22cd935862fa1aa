package org.openair.action;

import java.time.Instant;
import java.util.List;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;

/** A recommended action as stored, with the provenance of the rule that derived it. */
public record ActionRecord(
    String id,
    String investigationId,
    ActionType type,
    EntityType targetType,
    String target,
    List<DeliveryRef> deliveries,
    ActionStatus status,
    String ruleId,
    String ruleName,
    String playbook,
    String ruleFile,
    String ruleFileSha256,
    String ruleSetId,
    List<String> matchedFacts,
    String explanation,
    Instant createdAt,
    String decidedBy,
    Instant decidedAt,
    String comment,
    Instant executedAt,
    String executionNote,
    List<Approval> approvals,
    int approvalsRequired,
    int attempts,
    String executionId,
    Instant nextAttemptAt,
    String mergedInto,
    String remediatedBy,
    String undoOf,
    String undoneBy) {

  /** A new action as an engine or a person recommends it, before any approval or execution. */
  public ActionRecord(
      String id,
      String investigationId,
      ActionType type,
      EntityType targetType,
      String target,
      List<DeliveryRef> deliveries,
      ActionStatus status,
      String ruleId,
      String ruleName,
      String playbook,
      String ruleFile,
      String ruleFileSha256,
      String ruleSetId,
      List<String> matchedFacts,
      String explanation,
      Instant createdAt,
      String decidedBy,
      Instant decidedAt,
      String comment,
      Instant executedAt,
      String executionNote) {
    this(
        id,
        investigationId,
        type,
        targetType,
        target,
        deliveries,
        status,
        ruleId,
        ruleName,
        playbook,
        ruleFile,
        ruleFileSha256,
        ruleSetId,
        matchedFacts,
        explanation,
        createdAt,
        decidedBy,
        decidedAt,
        comment,
        executedAt,
        executionNote,
        List.of(),
        1,
        0,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** One copy of a message that the action covers. */
  public record DeliveryRef(
      String deliveryId, String messageId, String mailbox, String internetMessageId) {}

  /** One approval: who, when, and what they said. */
  public record Approval(String by, Instant at, String comment) {}

  /** True when {@code user} has approved this action already. */
  public boolean approvedBy(String user) {
    return approvals.stream().anyMatch(a -> a.by().equals(user));
  }
}
