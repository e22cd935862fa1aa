package org.openair.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openair.action.ActionRecord;
import org.openair.action.connector.Connector;
import org.openair.action.connector.ConnectorResult;
import org.openair.domain.ActionType;
import org.openair.domain.Message;
import org.openair.investigation.AlertRecord;
import org.openair.investigation.InvestigationStore;
import org.openair.store.MessageStore;

/**
 * Tells the person who reported a message what the investigation found, by email through the
 * configured MTA ({@code openair.smtp.*}); without an SMTP host it supports nothing and the notice
 * is only recorded.
 *
 * <p>SMTP cannot take a message back, so a resend after a restart in the middle of sending cannot
 * be ruled out; it carries the same Message-ID ({@code <action id@openair>}), by which mail systems
 * and clients recognise a duplicate.
 */
@ApplicationScoped
public class ReporterMailConnector implements Connector {
  private final Mailer mailer;
  private final Function<String, Optional<String>> reportedSubject;

  @Inject
  public ReporterMailConnector(
      Mailer mailer, InvestigationStore investigations, MessageStore messages) {
    this(
        mailer,
        investigationId ->
            investigations
                .find(investigationId)
                .flatMap(i -> investigations.alert(i.alertId()))
                .map(AlertRecord::messageId)
                .flatMap(messages::message)
                .map(Message::getSubject));
  }

  /** A connector that names no subject, for callers without a store. */
  ReporterMailConnector(Mailer mailer) {
    this(mailer, investigationId -> Optional.empty());
  }

  private ReporterMailConnector(Mailer mailer, Function<String, Optional<String>> reportedSubject) {
    this.mailer = mailer;
    this.reportedSubject = reportedSubject;
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
    Optional<String> subject = reportedSubject.apply(action.investigationId());
    String text =
        "Thank you for reporting "
            + subject.map(s -> "the message \"" + s + "\"").orElse("a suspicious message")
            + " to the security team.\n\n"
            + action.explanation()
            + "\n\nReference: investigation "
            + action.investigationId()
            + "\n";
    try {
      mailer.send(
          new Mailer.Mail(
              List.of(to),
              subject.map(s -> "Your report: " + s).orElse("The result of your report"),
              text,
              action.id() + "@openair"));
      return ConnectorResult.done("mailed the outcome to " + to);
    } catch (Mailer.MailException e) {
      return e.retryable()
          ? ConnectorResult.retry(e.getMessage())
          : ConnectorResult.failed(e.getMessage());
    }
  }
}
