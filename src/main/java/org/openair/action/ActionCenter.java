package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.domain.AlertType;
import org.openair.investigation.InvestigationStatus;
import org.openair.investigation.InvestigationStore;
import org.openair.store.Db;
import org.openair.store.Ids;

/**
 * Approves, rejects, expires and undoes recommended actions, and keeps the investigation's status
 * in step with its actions. Approved actions are carried out by the {@link ActionWorker}.
 *
 * <p>Four eyes: an action of a four-eyes type stays {@code pending} after its first approval, which
 * is kept in its {@code approvals} list; it is approved when a second, different person approves.
 * Merging: an action approved while an earlier one of the same type on the same target was approved
 * within {@code openair.actions.merge-window}, and covering no message copy the earlier one does
 * not, becomes {@code merged} into it and is not carried out again.
 */
@ApplicationScoped
public class ActionCenter {
  /** The actor name recorded for decisions no person made. */
  public static final String AUTOMATION = "automation";

  /** The actor name recorded for expiry. */
  public static final String SYSTEM = "system";

  private final Db db;
  private final ActionStore actions;
  private final InvestigationStore investigations;
  private final InvestigationProgress progress;
  private final ActionWorker worker;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration mergeWindow;
  private final Duration expireAfter;

  @Inject
  public ActionCenter(
      Db db,
      ActionStore actions,
      InvestigationStore investigations,
      InvestigationProgress progress,
      ActionWorker worker,
      AuditLog audit,
      Clock clock,
      OpenAirConfig config) {
    this.db = db;
    this.actions = actions;
    this.investigations = investigations;
    this.progress = progress;
    this.worker = worker;
    this.audit = audit;
    this.clock = clock;
    this.mergeWindow = config.actions().mergeWindow();
    this.expireAfter = config.actions().expireAfter();
  }

  public ActionRecord get(String id) {
    return actions.find(id).orElseThrow(() -> new NotFoundException("no action " + id));
  }

  public List<ActionRecord> list(ActionStatus status, int offset, int limit) {
    return actions.list(status, offset, limit);
  }

  public List<ActionRecord> list(ActionFilter filter, int offset, int limit) {
    return actions.list(filter, offset, limit);
  }

  public long count(ActionFilter filter) {
    return actions.count(filter);
  }

  /**
   * Approves a pending action. Approving one that is approved, being carried out, carried out,
   * failed or merged changes nothing; approving a rejected or expired one is a conflict, and so is
   * approving a four-eyes action a second time as the same person. The person who started a manual
   * investigation may not approve its actions.
   */
  public ActionRecord approve(String id, String user, String comment) {
    return decideApproval(id, user, comment, false);
  }

  /**
   * Approves an action without a person, for actions the automation policy runs by themselves. The
   * decision is recorded as made by {@link #AUTOMATION}.
   */
  public ActionRecord runAutomatically(String id) {
    return runAutomatically(id, null);
  }

  /** Like {@link #runAutomatically(String)}, recording {@code reason} as the decision's comment. */
  public ActionRecord runAutomatically(String id, String reason) {
    return decideApproval(id, AUTOMATION, reason, true);
  }

  private ActionRecord decideApproval(String id, String user, String comment, boolean automatic) {
    Instant now = clock.instant();
    List<Audit> notes = new ArrayList<>();
    boolean approved =
        db.inTransaction(
            c -> {
              ActionRecord a =
                  actions.lock(c, id).orElseThrow(() -> new NotFoundException("no action " + id));
              switch (a.status()) {
                case APPROVED, EXECUTING, EXECUTED, FAILED, MERGED -> {
                  return false;
                }
                case REJECTED, EXPIRED ->
                    throw new ActionConflictException(
                        "action " + id + " is " + a.status().code() + " and cannot be approved");
                case PENDING -> {}
              }
              if (!automatic) {
                refuseStarter(a, user);
              }
              if (a.approvedBy(user)) {
                throw new ActionConflictException(
                    "action "
                        + id
                        + " needs "
                        + a.approvalsRequired()
                        + " different approvers and "
                        + user
                        + " has approved it already");
              }
              List<ActionRecord.Approval> approvals = new ArrayList<>(a.approvals());
              approvals.add(new ActionRecord.Approval(user, now, comment));
              if (!automatic && approvals.size() < a.approvalsRequired()) {
                actions.recordApprovals(c, id, approvals);
                notes.add(
                    new Audit(
                        user,
                        "action.approval-recorded",
                        id,
                        Map.of("status", "pending", "approvals", a.approvals().size()),
                        withComment(
                            Map.of(
                                "status",
                                "pending",
                                "approvals",
                                approvals.size(),
                                "approvalsRequired",
                                a.approvalsRequired()),
                            comment)));
                return false;
              }
              ActionRecord earlier =
                  actions.mergeCandidate(c, a, now.minus(mergeWindow)).orElse(null);
              if (earlier != null && covers(earlier, a)) {
                actions.decide(
                    c,
                    id,
                    ActionStatus.PENDING,
                    ActionStatus.MERGED,
                    user,
                    now,
                    comment,
                    approvals,
                    earlier.id());
                progress.refresh(c, a.investigationId(), user);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", ActionStatus.MERGED.code());
                after.put("mergedInto", earlier.id());
                after.put("mergedIntoInvestigation", earlier.investigationId());
                notes.add(
                    new Audit(
                        user,
                        "action.merged",
                        id,
                        Map.of("status", "pending"),
                        withComment(after, comment)));
                return false;
              }
              actions.decide(
                  c,
                  id,
                  ActionStatus.PENDING,
                  ActionStatus.APPROVED,
                  user,
                  now,
                  comment,
                  approvals,
                  null);
              notes.add(
                  new Audit(
                      user,
                      "action.approved",
                      id,
                      Map.of("status", "pending"),
                      withComment(Map.of("status", ActionStatus.APPROVED.code()), comment)));
              return true;
            });
    notes.forEach(this::record);
    if (approved) {
      worker.wake(id);
    }
    return get(id);
  }

  /** Refuses the approval of someone who started the manual investigation the action belongs to. */
  private void refuseStarter(ActionRecord a, String user) {
    var investigation = investigations.find(a.investigationId()).orElseThrow();
    var alert = investigations.alert(investigation.alertId()).orElseThrow();
    if (alert.type() == AlertType.MANUAL && user.equals(alert.createdBy())) {
      throw new ActionForbiddenException(
          user
              + " started investigation "
              + a.investigationId()
              + " by hand and may not approve its actions; another approver must");
    }
  }

  /** True when {@code earlier} covers every message copy {@code later} covers. */
  private static boolean covers(ActionRecord earlier, ActionRecord later) {
    Set<String> had = new HashSet<>();
    earlier.deliveries().forEach(d -> had.add(d.deliveryId()));
    return later.deliveries().stream().allMatch(d -> had.contains(d.deliveryId()));
  }

  /**
   * Rejects a pending action; a comment saying why is required. Rejecting a rejected action changes
   * nothing; rejecting one that was approved, carried out, merged or expired is a conflict.
   */
  public ActionRecord reject(String id, String user, String comment) {
    Instant now = clock.instant();
    boolean changed =
        db.inTransaction(
            c -> {
              ActionRecord a =
                  actions.lock(c, id).orElseThrow(() -> new NotFoundException("no action " + id));
              switch (a.status()) {
                case REJECTED -> {
                  return false;
                }
                case APPROVED, EXECUTING, EXECUTED, FAILED, EXPIRED, MERGED ->
                    throw new ActionConflictException(
                        "action " + id + " is " + a.status().code() + " and cannot be rejected");
                case PENDING -> {}
              }
              if (comment == null || comment.isBlank()) {
                throw new BadRequestException(
                    "comment", "a rejection needs a 'comment' saying why");
              }
              actions.decide(
                  c,
                  id,
                  ActionStatus.PENDING,
                  ActionStatus.REJECTED,
                  user,
                  now,
                  comment,
                  a.approvals(),
                  null);
              progress.refresh(c, a.investigationId(), user);
              return true;
            });
    if (changed) {
      record(
          new Audit(
              user,
              "action.rejected",
              id,
              Map.of("status", ActionStatus.PENDING.code()),
              withComment(Map.of("status", ActionStatus.REJECTED.code()), comment)));
    }
    return get(id);
  }

  /**
   * Expires pending actions older than {@code openair.actions.expire-after} at {@code now}; an
   * investigation left with nothing else to do ends {@code terminated}. Returns how many expired.
   */
  public int expireDue(Instant now) {
    Instant cutoff = now.minus(expireAfter);
    int expired = 0;
    List<ActionRecord> due;
    do {
      due = actions.pendingCreatedBefore(cutoff, 200);
      for (ActionRecord candidate : due) {
        boolean changed =
            db.inTransaction(
                c -> {
                  ActionRecord a = actions.lock(c, candidate.id()).orElse(null);
                  if (a == null || a.status() != ActionStatus.PENDING) {
                    return false;
                  }
                  actions.decide(
                      c,
                      a.id(),
                      ActionStatus.PENDING,
                      ActionStatus.EXPIRED,
                      SYSTEM,
                      now,
                      "no decision within " + expireAfter.toDays() + " days",
                      a.approvals(),
                      null);
                  progress.refresh(c, a.investigationId(), SYSTEM);
                  return true;
                });
        if (changed) {
          expired++;
          record(
              new Audit(
                  SYSTEM,
                  "action.expired",
                  candidate.id(),
                  Map.of("status", ActionStatus.PENDING.code()),
                  Map.of(
                      "status",
                      ActionStatus.EXPIRED.code(),
                      "createdAt",
                      candidate.createdAt().toString())));
        }
      }
    } while (due.size() == 200);
    return expired;
  }

  /**
   * Undoes an executed reversible action: creates an approved undo action (back to the inbox for
   * message actions, unblock for blocks) that the worker carries out. Returns the undo action.
   */
  public ActionRecord undo(String id, String user, String comment) {
    Instant now = clock.instant();
    String undoId = Ids.next("act");
    ActionRecord original =
        db.inTransaction(
            c -> {
              ActionRecord a =
                  actions.lock(c, id).orElseThrow(() -> new NotFoundException("no action " + id));
              if (!a.type().isReversible() || a.undoOf() != null) {
                throw new ActionConflictException(
                    "action " + id + " (" + a.type().code() + ") cannot be undone");
              }
              if (a.status() != ActionStatus.EXECUTED) {
                throw new ActionConflictException(
                    "action "
                        + id
                        + " is "
                        + a.status().code()
                        + "; only executed ones are undone");
              }
              if (a.undoneBy() != null) {
                throw new ActionConflictException(
                    "action " + id + " was undone already by " + a.undoneBy());
              }
              insertUndo(c, a, undoId, user, now, comment);
              actions.markUndone(c, id, undoId);
              return a;
            });
    record(
        new Audit(
            user,
            "action.undo-requested",
            id,
            Map.of("status", ActionStatus.EXECUTED.code()),
            withComment(Map.of("undoneBy", undoId), comment)));
    record(
        new Audit(
            user,
            "action.approved",
            undoId,
            null,
            withComment(
                Map.of(
                    "status",
                    ActionStatus.APPROVED.code(),
                    "undoOf",
                    id,
                    "type",
                    undoType(original.type()).code()),
                comment)));
    worker.wake(undoId);
    return get(undoId);
  }

  private void insertUndo(
      Connection c, ActionRecord a, String undoId, String user, Instant now, String comment)
      throws SQLException {
    ActionType type = undoType(a.type());
    String explanation =
        "Undo of "
            + a.id()
            + " ("
            + a.type().code()
            + " of "
            + a.target()
            + "), asked for by "
            + user
            + (comment == null ? "." : ": " + comment);
    actions.insert(
        c,
        List.of(
            new ActionRecord(
                undoId,
                a.investigationId(),
                type,
                a.targetType(),
                a.target(),
                a.deliveries(),
                ActionStatus.APPROVED,
                a.ruleId(),
                a.ruleName(),
                a.playbook(),
                a.ruleFile(),
                a.ruleFileSha256(),
                a.ruleSetId(),
                a.matchedFacts(),
                explanation,
                now,
                user,
                now,
                comment,
                null,
                null,
                List.of(new ActionRecord.Approval(user, now, comment)),
                1,
                0,
                null,
                now,
                null,
                null,
                a.id(),
                null)));
  }

  /** The action that reverses {@code type}: back to the inbox for messages, the same for blocks. */
  static ActionType undoType(ActionType type) {
    return switch (type) {
      case SOFT_DELETE, MOVE_TO_JUNK, QUARANTINE -> ActionType.MOVE_TO_INBOX;
      default -> type;
    };
  }

  /**
   * The status an investigation has given its actions. Reporter notices do not count: they tell,
   * they do not remediate; nor do undo actions. A merged action counts as carried out, since the
   * action it was merged into covers it.
   */
  public static InvestigationStatus statusFor(InvestigationStatus current, List<ActionRecord> all) {
    List<ActionRecord> remediation =
        all.stream()
            .filter(a -> a.type() != ActionType.NOTIFY_REPORTER && a.undoOf() == null)
            .toList();
    if (remediation.isEmpty()) {
      return current;
    }
    long executed =
        count(remediation, ActionStatus.EXECUTED) + count(remediation, ActionStatus.MERGED);
    long waiting =
        count(remediation, ActionStatus.PENDING)
            + count(remediation, ActionStatus.APPROVED)
            + count(remediation, ActionStatus.EXECUTING);
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

  private static Map<String, Object> withComment(Map<String, Object> state, String comment) {
    if (comment == null) {
      return state;
    }
    Map<String, Object> out = new LinkedHashMap<>(state);
    out.put("comment", comment);
    return out;
  }

  private void record(Audit a) {
    audit.record(a.actor(), a.event(), "action", a.actionId(), a.before(), a.after());
  }

  /** An audit entry written once the transaction that made the change has committed. */
  private record Audit(
      String actor, String event, String actionId, Object before, Map<String, Object> after) {}
}
