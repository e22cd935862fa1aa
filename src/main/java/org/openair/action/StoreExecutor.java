package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.openair.action.connector.Connector;
import org.openair.action.connector.ConnectorResult;
import org.openair.domain.Delivery;
import org.openair.store.MessageStore;

/**
 * Records approved actions in OpenAIR's own store: message actions move the copies' folder so that
 * later investigations see them gone; other actions are recorded only. When a connector for the
 * action's type is enabled, it carries the action out on the real system first, and the store
 * changes only when it succeeded.
 */
@ApplicationScoped
public class StoreExecutor implements ActionExecutor {
  private final MessageStore messages;
  private final Instance<Connector> connectors;

  @Inject
  public StoreExecutor(MessageStore messages, Instance<Connector> connectors) {
    this.messages = messages;
    this.connectors = connectors;
  }

  @Override
  public ExecutionResult execute(Connection c, ActionRecord action) throws SQLException {
    Optional<Connector> connector =
        connectors.stream().filter(k -> k.supports().contains(action.type())).findFirst();
    if (connector.isEmpty()) {
      return record(c, action);
    }
    ConnectorResult result = connector.get().execute(action);
    String note = connector.get().name() + ": " + result.note();
    if (!result.succeeded()) {
      return new ExecutionResult(false, note);
    }
    ExecutionResult recorded = record(c, action);
    return new ExecutionResult(true, note + "; " + recorded.note());
  }

  private ExecutionResult record(Connection c, ActionRecord action) throws SQLException {
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
