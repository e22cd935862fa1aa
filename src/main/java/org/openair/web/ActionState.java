package org.openair.web;

import java.util.stream.Collectors;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;

/**
 * What a page shows about an action besides its fields: whether the reader may still approve it,
 * may undo it, and how far its four-eyes approval has come.
 *
 * @param pending the action waits for a decision
 * @param approvable the reader decides actions and has not approved this one yet
 * @param undoable the reader decides actions and this is an executed reversible action not undone
 * @param approvals "1 of 2 approvals (alice)" for four-eyes actions; null otherwise
 */
public record ActionState(boolean pending, boolean approvable, boolean undoable, String approvals) {

  static ActionState of(ActionRecord a, Me me) {
    boolean pending = a.status() == ActionStatus.PENDING;
    boolean undoable =
        me.canDecide()
            && a.status() == ActionStatus.EXECUTED
            && a.type().isReversible()
            && a.undoOf() == null
            && a.undoneBy() == null;
    String approvals = null;
    if (a.approvalsRequired() > 1) {
      approvals =
          a.approvals().size()
              + " of "
              + a.approvalsRequired()
              + " approvals"
              + (a.approvals().isEmpty()
                  ? ""
                  : " ("
                      + a.approvals().stream()
                          .map(ActionRecord.Approval::by)
                          .collect(Collectors.joining(", "))
                      + ")");
    }
    return new ActionState(
        pending, pending && me.canDecide() && !a.approvedBy(me.username()), undoable, approvals);
  }
}
