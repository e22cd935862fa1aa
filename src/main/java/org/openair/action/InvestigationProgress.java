package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.openair.audit.AuditLog;
import org.openair.investigation.InvestigationStatus;
import org.openair.investigation.InvestigationStore;

/**
 * Keeps an investigation's status in step with its actions (see {@link ActionCenter#statusFor}).
 */
@ApplicationScoped
public class InvestigationProgress {
  private final ActionStore actions;
  private final InvestigationStore investigations;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public InvestigationProgress(
      ActionStore actions, InvestigationStore investigations, AuditLog audit, Clock clock) {
    this.actions = actions;
    this.investigations = investigations;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Sets the investigation's status from its actions, auditing a change. The investigation is
   * locked first: under read committed, two transactions finishing its last two actions would
   * otherwise each count the other's as still running and leave it partially remediated.
   */
  void refresh(Connection c, String investigationId, String actor) throws SQLException {
    var before = investigations.lockIn(c, investigationId).orElseThrow();
    InvestigationStatus next =
        ActionCenter.statusFor(before.status(), actions.byInvestigation(c, investigationId));
    if (next != before.status()
        && investigations.updateStatus(c, investigationId, next, clock.instant())) {
      audit.record(
          actor,
          "investigation.status",
          "investigation",
          investigationId,
          Map.of("status", before.status().code()),
          Map.of("status", next.code()));
    }
  }
}
