package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.openair.domain.ActionType;
import org.openair.domain.Delivery;
import org.openair.store.ActivityStore;
import org.openair.store.MessageStore;

/**
 * Mirrors a carried-out action in OpenAIR's own store, in the transaction that records the outcome:
 * message actions move the copies' folder and a removed delegation is forgotten, so that later
 * investigations see them gone; other actions are recorded only. Moving a copy to the folder it is
 * in, or forgetting what is forgotten, changes nothing, so doing it again after a restart is
 * harmless.
 */
@ApplicationScoped
public class StoreExecutor {
  private final MessageStore messages;
  private final ActivityStore activity;

  @Inject
  public StoreExecutor(MessageStore messages, ActivityStore activity) {
    this.messages = messages;
    this.activity = activity;
  }

  /**
   * Records {@code action} and returns a note for people; {@code connectorsRan} says whether a
   * connector acted on the real system.
   */
  public String record(Connection c, ActionRecord action, boolean connectorsRan)
      throws SQLException {
    String folder =
        switch (action.type()) {
          case SOFT_DELETE -> Delivery.RECOVERABLE;
          case HARD_DELETE -> Delivery.DELETED;
          case MOVE_TO_JUNK -> Delivery.JUNK;
          case MOVE_TO_INBOX -> Delivery.INBOX;
          case QUARANTINE -> Delivery.QUARANTINE;
          default -> null;
        };
    String what = action.undoOf() == null ? action.type().code() : "undo of " + action.undoOf();
    if (action.type() == ActionType.REMOVE_DELEGATION && action.undoOf() == null) {
      activity.deleteDelegation(c, action.target());
    }
    if (folder == null) {
      return connectorsRan
          ? "recorded " + what + " in OpenAIR"
          : "recorded "
              + what
              + " in OpenAIR; no connector for "
              + action.type().code()
              + " configured";
    }
    List<String> ids =
        action.deliveries().stream().map(ActionRecord.DeliveryRef::deliveryId).toList();
    int moved = messages.moveDeliveries(c, ids, folder);
    return "moved "
        + moved
        + " of "
        + ids.size()
        + " copies to "
        + folder
        + " in OpenAIR's store"
        + (connectorsRan ? "" : "; no mailbox connector configured");
  }
}
