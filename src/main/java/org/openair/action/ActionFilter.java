package org.openair.action;

import java.time.Instant;
import org.openair.domain.ActionType;

/**
 * Which actions a list shows; null fields match everything. {@code target} matches a part of the
 * target, ignoring case.
 */
public record ActionFilter(
    ActionStatus status,
    String investigationId,
    ActionType type,
    String target,
    String playbook,
    Instant createdAfter,
    Instant createdBefore) {

  public static ActionFilter byStatus(ActionStatus status) {
    return new ActionFilter(status, null, null, null, null, null, null);
  }
}
