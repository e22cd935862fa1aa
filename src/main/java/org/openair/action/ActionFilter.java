package org.openair.action;

import java.time.Instant;
import org.openair.domain.ActionType;

/**
 * Which actions a list shows; null fields match everything. {@code target} matches a part of the
 * target, ignoring case. {@code decided} keeps only actions someone (or automation) decided, newest
 * decision first (the history); otherwise the oldest come first.
 */
public record ActionFilter(
    ActionStatus status,
    String investigationId,
    ActionType type,
    String target,
    String playbook,
    Instant createdAfter,
    Instant createdBefore,
    boolean decided) {

  public static ActionFilter byStatus(ActionStatus status) {
    return new ActionFilter(status, null, null, null, null, null, null, false);
  }
}
