package org.openair.action.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.jboss.logging.Logger;
import org.openair.action.ActionRecord;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.investigation.AlertRecord;
import org.openair.investigation.InvestigationRecord;
import org.openair.investigation.InvestigationStore;
import org.openair.mail.MailFailure;
import org.openair.store.MessageStore;

/**
 * Tells the person who reported a message what the investigation found, by mail through the
 * configured MTA. The notice's Message-ID is derived from the action id, so a notice sent twice
 * after a crash is recognisably the same message.
 */
@ApplicationScoped
public class SmtpNotifier implements Connector {
  private static final Logger LOG = Logger.getLogger(SmtpNotifier.class);

  private final OpenAirConfig.Smtp config;
  private final InvestigationStore investigations;
  private final MessageStore messages;
  private final Clock clock;

  @Inject
  public SmtpNotifier(
      OpenAirConfig config, InvestigationStore investigations, MessageStore messages, Clock clock) {
    this.config = config.connectors().smtp();
    this.investigations = investigations;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public Set<ActionType> supports() {
    return config.enabled() ? Set.of(ActionType.NOTIFY_REPORTER) : Set.of();
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    String server = "SMTP " + config.server().host() + ":" + port();
    InternetAddress to;
    try {
      to = new InternetAddress(action.target(), true);
    } catch (MessagingException e) {
      return ConnectorResult.failed("'" + action.target() + "' is not an address to write to");
    }
    try {
      Session session = Session.getInstance(properties());
      MimeMessage mail = new FixedIdMessage(session, "<openair-" + action.id() + "@openair>");
      mail.setFrom(new InternetAddress(config.from()));
      mail.setRecipient(Message.RecipientType.TO, to);
      mail.setHeader("Auto-Submitted", "auto-replied");
      mail.setSentDate(Date.from(clock.instant()));
      Optional<String> subject = reportedSubject(action.investigationId());
      mail.setSubject(
          subject.map(s -> "Your report: " + s).orElse("Your report has been investigated"),
          "UTF-8");
      mail.setText(body(action, subject), "UTF-8");
      if (config.server().user().isPresent()) {
        Transport.send(mail, config.server().user().get(), config.server().password().orElse(""));
      } else {
        Transport.send(mail);
      }
      return ConnectorResult.done("notice sent to " + to.getAddress() + " through " + server);
    } catch (SendFailedException e) {
      return ConnectorResult.failed(server + " refused the recipient " + to.getAddress());
    } catch (MessagingException | RuntimeException e) {
      MailFailure failure = MailFailure.of(server, e);
      LOG.warnf("smtp notice for %s: %s", action.id(), failure.reason());
      return failure.retryable()
          ? ConnectorResult.retry(failure.reason())
          : ConnectorResult.failed(failure.reason());
    }
  }

  private String body(ActionRecord action, Optional<String> subject) {
    String verdict =
        investigations
            .find(action.investigationId())
            .map(InvestigationRecord::verdict)
            .map(v -> v.code())
            .orElse("unknown");
    StringBuilder text = new StringBuilder();
    text.append("Thank you for reporting ")
        .append(subject.map(s -> "the message \"" + s + "\"").orElse("a message"))
        .append(".\n\nOpenAIR investigated it. Verdict: ")
        .append(verdict)
        .append(".\n\n")
        .append(action.explanation() == null ? "" : action.explanation())
        .append("\n\nInvestigation ")
        .append(action.investigationId())
        .append("\n");
    return text.toString();
  }

  private Optional<String> reportedSubject(String investigationId) {
    return investigations
        .find(investigationId)
        .flatMap(i -> investigations.alert(i.alertId()))
        .map(AlertRecord::messageId)
        .flatMap(messages::message)
        .map(org.openair.domain.Message::getSubject);
  }

  private int port() {
    return config.server().port().orElse(config.server().ssl() ? 465 : 25);
  }

  private Properties properties() {
    OpenAirConfig.MailServer s = config.server();
    Properties p = new Properties();
    String ms = Long.toString(s.timeout().toMillis());
    p.put("mail.smtp.host", s.host());
    p.put("mail.smtp.port", Integer.toString(port()));
    p.put("mail.smtp.connectiontimeout", ms);
    p.put("mail.smtp.timeout", ms);
    p.put("mail.smtp.writetimeout", ms);
    p.put("mail.smtp.ssl.enable", Boolean.toString(s.ssl()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(s.starttls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(s.starttls()));
    p.put("mail.smtp.auth", Boolean.toString(s.user().isPresent()));
    return p;
  }

  /** A message whose Message-ID is chosen, not generated on save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
