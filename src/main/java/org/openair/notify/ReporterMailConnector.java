package org.openair.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.openair.action.ActionRecord;
import org.openair.action.connector.Connector;
import org.openair.action.connector.ConnectorResult;
import org.openair.domain.ActionType;

/**
 * Tells the person who reported a message what the investigation found, by email, when an SMTP host
 * is configured; otherwise it supports nothing and the notice is only recorded.
 *
 * <p>SMTP cannot take a message back, so a resend after a restart in the middle of sending cannot
 * be ruled out; it carries the same Message-ID ({@code <action id@openair>}), by which mail systems
 * and clients recognise a duplicate.
 */
@ApplicationScoped
public class ReporterMailConnector implements Connector {
  private final Mailer mailer;

  @Inject
  public ReporterMailConnector(Mailer mailer) {
    this.mailer = mailer;
  }

  @Override
  public String name() {
    return "reporter-mail";
  }

  @Override
  public Set<ActionType> supports() {
    return mailer.configured() ? Set.of(ActionType.NOTIFY_REPORTER) : Set.of();
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    String to = action.target();
    String text =
        "Thank you for reporting a suspicious message to the security team.\n\n"
            + action.explanation()
            + "\n\nReference: investigation "
            + action.investigationId()
            + "\n";
    try {
      mailer.send(
          new Mailer.Mail(
              List.of(to), "The result of your report", text, action.id() + "@openair"));
      return ConnectorResult.done("mailed the outcome to " + to);
    } catch (Mailer.MailException e) {
      return e.retryable()
          ? ConnectorResult.retry(e.getMessage())
          : ConnectorResult.failed(e.getMessage());
    }
  }
}
