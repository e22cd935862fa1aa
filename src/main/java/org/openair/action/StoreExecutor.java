package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.openair.domain.Delivery;
import org.openair.store.MessageStore;

/**
 * Records approved actions in OpenAIR's own store: message actions move the copies' folder so that
 * later investigations see them gone; other actions are recorded only. Connectors that reach the
 * real mail system (IMAP, Sieve, blocklists, identity webhooks) are not part of this executor.
 */
@ApplicationScoped
public class StoreExecutor implements ActionExecutor {
  private final MessageStore messages;

  @Inject
  public StoreExecutor(MessageStore messages) {
    this.messages = messages;
  }

  @Override
  public ExecutionResult execute(Connection c, ActionRecord action) throws SQLException {
    String folder =
        switch (action.type()) {
          case SOFT_DELETE -> Delivery.RECOVERABLE;
          case HARD_DELETE -> Delivery.DELETED;
          case MOVE_TO_JUNK -> Delivery.JUNK;
          case MOVE_TO_INBOX -> Delivery.INBOX;
          case QUARANTINE -> Delivery.QUARANTINE;
          default -> null;
        };
    if (folder == null) {
      return new ExecutionResult(
          true, "recorded in OpenAIR; no connector for " + action.type().code() + " configured");
    }
    List<String> ids =
        action.deliveries().stream().map(ActionRecord.DeliveryRef::deliveryId).toList();
    int moved = messages.moveDeliveries(c, ids, folder);
    return new ExecutionResult(
        true,
        "moved "
            + moved
            + " of "
            + ids.size()
            + " copies to "
            + folder
            + " in OpenAIR's store; no mailbox connector configured");
  }
}
