package org.openair.action.connector;

import java.util.Set;
import org.openair.action.ActionRecord;
import org.openair.domain.ActionType;

/**
 * Carries approved actions out on one target system (IMAP mailboxes, Sieve, blocklists, an identity
 * provider's webhook). The executor calls connectors outside any database transaction and records
 * what they answer.
 *
 * <p>Implementations must be idempotent: the same action may be handed over again after a restart
 * in the middle of execution, and must then not act twice (a message already moved is reported
 * {@link ConnectorResult#alreadyDone(String)}).
 */
public interface Connector {

  /** A short name for logs and execution notes, e.g. {@code imap}. */
  String name();

  /** The action types this connector carries out. */
  Set<ActionType> supports();

  /** Carries {@code action} out. Never throws for expected failures: returns a failed result. */
  ConnectorResult execute(ActionRecord action);

  /** Reverses an executed action, where the action type is reversible. */
  default ConnectorResult undo(ActionRecord action) {
    return ConnectorResult.failed(name() + " cannot undo " + action.type().code());
  }
}
