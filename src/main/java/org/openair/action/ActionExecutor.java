package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.openair.action.connector.Connector;
import org.openair.action.connector.ConnectorResult;
import org.openair.domain.ActionType;

/**
 * Hands an approved action to every connector that supports its type, outside any database
 * transaction, and sums up what they answered. With no connector for the type, the action is only
 * recorded in OpenAIR's store (see {@link StoreExecutor}).
 */
@ApplicationScoped
public class ActionExecutor {
  private static final Logger LOG = Logger.getLogger(ActionExecutor.class);

  private final List<Connector> connectors;

  @Inject
  public ActionExecutor(@Any Instance<Connector> connectors) {
    this(connectors.stream().toList());
  }

  public ActionExecutor(List<Connector> connectors) {
    this.connectors = List.copyOf(connectors);
  }

  /** The connectors that carry out {@code type}; empty when none is configured. */
  public List<Connector> connectorsFor(ActionType type) {
    return connectors.stream().filter(c -> c.supports().contains(type)).toList();
  }

  /**
   * Carries {@code action} out; for an undo, {@code reversed} is the action it reverses and the
   * connectors of that action's type undo it. Empty connectors give {@link Result#storeOnly()}.
   */
  public Result execute(ActionRecord action, ActionRecord reversed) {
    ActionType type = reversed == null ? action.type() : reversed.type();
    List<Connector> targets = connectorsFor(type);
    if (targets.isEmpty()) {
      return new Result(ConnectorResult.done(null), false);
    }
    List<String> notes = new ArrayList<>();
    boolean permanent = false;
    boolean retryable = false;
    for (Connector connector : targets) {
      ConnectorResult r;
      try {
        r = reversed == null ? connector.execute(action) : connector.undo(reversed);
      } catch (RuntimeException e) {
        // A connector that throws broke its contract; the cause may be passing, so retry.
        LOG.errorf(e, "Connector %s threw on action %s", connector.name(), action.id());
        r = ConnectorResult.retry("unexpected error: " + e);
      }
      if (r == null) {
        r = ConnectorResult.failed("answered nothing");
      }
      notes.add(connector.name() + ": " + r.note());
      switch (r.outcome()) {
        case PERMANENT_FAILURE -> permanent = true;
        case RETRYABLE_FAILURE -> retryable = true;
        case DONE, ALREADY_DONE -> {}
      }
    }
    String note = String.join("; ", notes);
    ConnectorResult total =
        permanent
            ? ConnectorResult.failed(note)
            : retryable ? ConnectorResult.retry(note) : ConnectorResult.done(note);
    return new Result(total, true);
  }

  /** The connectors' combined answer, and whether any connector was involved. */
  public record Result(ConnectorResult outcome, boolean connectorsRan) {}
}
