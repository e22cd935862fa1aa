package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openair.NotFoundException;
import org.openair.audit.AuditLog;
import org.openair.domain.ActionType;
import org.openair.investigation.InvestigationStatus;
import org.openair.investigation.InvestigationStore;
import org.openair.store.Db;

/**
 * Approves and rejects recommended actions, carries approved ones out once, and keeps the
 * investigation's status in step with its actions.
 */
@ApplicationScoped
public class ActionCenter {
  /** The actor name recorded for decisions no person made. */
  public static final String AUTOMATION = "automation";

  private final Db db;
  private final ActionStore actions;
  private final InvestigationStore investigations;
  private final ActionExecutor executor;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public ActionCenter(
      Db db,
      ActionStore actions,
      InvestigationStore investigations,
      ActionExecutor executor,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.actions = actions;
    this.investigations = investigations;
    this.executor = executor;
    this.audit = audit;
    this.clock = clock;
  }

  public ActionRecord get(String id) {
    return actions.find(id).orElseThrow(() -> new NotFoundException("no action " + id));
  }

  public List<ActionRecord> list(ActionStatus status, int offset, int limit) {
    return actions.list(status, offset, limit);
  }

  /**
   * Approves a pending action and carries it out. Approving an action that is already approved or
   * carried out changes nothing; approving a rejected or expired one is a conflict.
   */
  public ActionRecord approve(String id, String user, String comment) {
    ActionRecord current = get(id);
    switch (current.status()) {
      case APPROVED, EXECUTED, FAILED -> {
        return current;
      }
      case REJECTED, EXPIRED ->
          throw new ActionConflictException(
              "action " + id + " is " + current.status().code() + " and cannot be approved");
      case PENDING -> {}
    }
    Instant now = clock.instant();
    boolean won =
        db.inTransaction(
            c ->
                actions.decide(
                    c, id, ActionStatus.PENDING, ActionStatus.APPROVED, user, now, comment));
    if (!won) {
      return approveAfterRace(id, user, comment);
    }
    audit.record(
        user,
        "action.approved",
        "action",
        id,
        Map.of("status", ActionStatus.PENDING.code()),
        decisionState(ActionStatus.APPROVED, comment));
    return execute(id);
  }

  private ActionRecord approveAfterRace(String id, String user, String comment) {
    ActionRecord now = get(id);
    if (now.status() == ActionStatus.PENDING) {
      return approve(id, user, comment);
    }
    if (now.status() == ActionStatus.REJECTED || now.status() == ActionStatus.EXPIRED) {
      throw new ActionConflictException(
          "action " + id + " is " + now.status().code() + " and cannot be approved");
    }
    return now;
  }

  /**
   * Rejects a pending action. Rejecting a rejected action changes nothing; rejecting one that was
   * approved or carried out is a conflict.
   */
  public ActionRecord reject(String id, String user, String comment) {
    ActionRecord current = get(id);
    switch (current.status()) {
      case REJECTED -> {
        return current;
      }
      case APPROVED, EXECUTED, FAILED, EXPIRED ->
          throw new ActionConflictException(
              "action " + id + " is " + current.status().code() + " and cannot be rejected");
      case PENDING -> {}
    }
    Instant now = clock.instant();
    boolean won =
        db.inTransaction(
            c -> {
              boolean changed =
                  actions.decide(
                      c, id, ActionStatus.PENDING, ActionStatus.REJECTED, user, now, comment);
              if (changed) {
                refreshInvestigation(c, current.investigationId(), user);
              }
              return changed;
            });
    if (!won) {
      ActionRecord after = get(id);
      if (after.status() == ActionStatus.REJECTED) {
        return after;
      }
      throw new ActionConflictException(
          "action " + id + " is " + after.status().code() + " and cannot be rejected");
    }
    audit.record(
        user,
        "action.rejected",
        "action",
        id,
        Map.of("status", ActionStatus.PENDING.code()),
        decisionState(ActionStatus.REJECTED, comment));
    return get(id);
  }

  /**
   * Decides an action without a person: used for actions that the policy runs by themselves. The
   * decision is recorded as made by {@link #AUTOMATION}.
   */
  public ActionRecord runAutomatically(String id) {
    Instant now = clock.instant();
    boolean won =
        db.inTransaction(
            c ->
                actions.decide(
                    c, id, ActionStatus.PENDING, ActionStatus.APPROVED, AUTOMATION, now, null));
    if (won) {
      audit.record(
          AUTOMATION,
          "action.approved",
          "action",
          id,
          Map.of("status", ActionStatus.PENDING.code()),
          decisionState(ActionStatus.APPROVED, null));
      return execute(id);
    }
    return get(id);
  }

  /** Carries out an approved action exactly once and records the outcome. */
  private ActionRecord execute(String id) {
    ActionRecord approved = get(id);
    Instant now = clock.instant();
    ActionExecutor.ExecutionResult result;
    try {
      result =
          db.inTransaction(
              c -> {
                ActionExecutor.ExecutionResult r = executor.execute(c, approved);
                boolean recorded =
                    actions.finishExecution(
                        c,
                        id,
                        r.success() ? ActionStatus.EXECUTED : ActionStatus.FAILED,
                        now,
                        r.note());
                if (!recorded) {
                  // Another thread finished it first; undo this attempt's changes.
                  throw new AlreadyExecuted();
                }
                refreshInvestigation(c, approved.investigationId(), approved.decidedBy());
                return r;
              });
    } catch (AlreadyExecuted e) {
      return get(id);
    } catch (RuntimeException e) {
      result = new ActionExecutor.ExecutionResult(false, "execution failed: " + e.getMessage());
      ActionExecutor.ExecutionResult failure = result;
      db.inTransaction(
          c -> {
            actions.finishExecution(c, id, ActionStatus.FAILED, now, failure.note());
            refreshInvestigation(c, approved.investigationId(), approved.decidedBy());
            return null;
          });
    }
    audit.record(
        approved.decidedBy(),
        result.success() ? "action.executed" : "action.failed",
        "action",
        id,
        Map.of("status", ActionStatus.APPROVED.code()),
        Map.of(
            "status",
            (result.success() ? ActionStatus.EXECUTED : ActionStatus.FAILED).code(),
            "note",
            result.note()));
    return get(id);
  }

  /** Sets the investigation's status from its actions, auditing a change. */
  void refreshInvestigation(Connection c, String investigationId, String actor)
      throws SQLException {
    var before = investigations.findIn(c, investigationId).orElseThrow();
    InvestigationStatus next =
        statusFor(before.status(), actions.byInvestigation(c, investigationId));
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

  /**
   * The status an investigation has given its actions. Reporter notices do not count: they tell,
   * they do not remediate.
   */
  public static InvestigationStatus statusFor(InvestigationStatus current, List<ActionRecord> all) {
    List<ActionRecord> remediation =
        all.stream().filter(a -> a.type() != ActionType.NOTIFY_REPORTER).toList();
    if (remediation.isEmpty()) {
      return current;
    }
    long executed = count(remediation, ActionStatus.EXECUTED);
    long waiting =
        count(remediation, ActionStatus.PENDING) + count(remediation, ActionStatus.APPROVED);
    long failed = count(remediation, ActionStatus.FAILED);
    if (executed == remediation.size()) {
      return InvestigationStatus.REMEDIATED;
    }
    if (executed > 0) {
      return InvestigationStatus.PARTIALLY_REMEDIATED;
    }
    if (waiting > 0) {
      return InvestigationStatus.PENDING_ACTION;
    }
    if (failed > 0) {
      return InvestigationStatus.FAILED;
    }
    return InvestigationStatus.TERMINATED;
  }

  private static long count(List<ActionRecord> actions, ActionStatus status) {
    return actions.stream().filter(a -> a.status() == status).count();
  }

  private static Map<String, Object> decisionState(ActionStatus status, String comment) {
    return comment == null
        ? Map.of("status", status.code())
        : Map.of("status", status.code(), "comment", comment);
  }

  private static final class AlreadyExecuted extends RuntimeException {
    AlreadyExecuted() {
      super(null, null, false, false);
    }
  }
}
