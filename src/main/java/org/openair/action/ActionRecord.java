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
    String executionNote) {

  /** One copy of a message that the action covers. */
  public record DeliveryRef(
      String deliveryId, String messageId, String mailbox, String internetMessageId) {}
}
