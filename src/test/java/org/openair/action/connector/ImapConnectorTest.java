package org.openair.action.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openair.support.TestActions.approved;
import static org.openair.support.TestActions.copies;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openair.action.ActionRecord;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.support.MailLab;
import org.openair.support.TestConfig;

/** IMAP remediation against the lab's Dovecot, and its failures: down, refused, already gone. */
class ImapConnectorTest {

  private static ImapConnector connector(int port, String password, String masterLogin) {
    Map<String, String> c = new HashMap<>();
    c.put("openair.connectors.imap.enabled", "true");
    c.put("openair.connectors.imap.server.port", Integer.toString(port));
    c.put("openair.connectors.imap.server.user", "remediation");
    c.put("openair.connectors.imap.server.password", password);
    c.put("openair.connectors.imap.server.timeout", "5s");
    c.put("openair.connectors.imap.master-login", masterLogin);
    return new ImapConnector(TestConfig.of(c));
  }

  private static ImapConnector labConnector() {
    return connector(MailLab.port("IMAP_PORT"), "master-secret", "separator");
  }

  /** Puts a message straight into a lab mailbox's inbox; returns its Message-ID. */
  private static String deliver(String user) throws MessagingException {
    String id = UUID.randomUUID() + "@sender.example";
    MimeMessage m =
        new MimeMessage(Session.getInstance(new Properties())) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
          }
        };
    m.setFrom(new InternetAddress("someone@sender.example"));
    m.setSubject("test " + id);
    m.setText("hello");
    m.saveChanges();
    try (Store store = MailLab.imap(user)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.appendMessages(new MimeMessage[] {m});
    }
    return id;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void shouldFailRetryablyAndQuicklyWhenTheServerIsDown() throws IOException {
    ImapConnector imap = connector(closedPort(), "x", "separator");
    Instant start = Instant.now();

    ConnectorResult r =
        imap.execute(
            approved(
                ActionType.SOFT_DELETE,
                EntityType.MESSAGE,
                "m",
                copies("a@b.example", "alice@corp.example")));

    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.RETRYABLE_FAILURE);
    assertThat(r.note()).contains("alice@corp.example").contains("not reachable");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void shouldFailPermanentlyWithAReadableReasonOnAWrongPassword() {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    ImapConnector imap = connector(MailLab.port("IMAP_PORT"), "wrong", "separator");

    ConnectorResult r =
        imap.execute(
            approved(
                ActionType.SOFT_DELETE,
                EntityType.MESSAGE,
                "m",
                copies("a@b.example", "alice@corp.example")));

    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.PERMANENT_FAILURE);
    assertThat(r.note()).contains("refused the login");
  }

  @Test
  void shouldReportAMessageThatIsGoneAsAlreadyDoneWithANote() {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);

    ConnectorResult r =
        labConnector()
            .execute(
                approved(
                    ActionType.SOFT_DELETE,
                    EntityType.MESSAGE,
                    "m",
                    copies(UUID.randomUUID() + "@nowhere.example", "bob@corp.example")));

    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.ALREADY_DONE);
    assertThat(r.note()).contains("bob@corp.example").contains("already gone");
  }

  @Test
  void shouldSoftDeleteOnceTreatARepeatAsDoneAndUndoBackToTheInbox() throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String id = deliver("bob");
    ActionRecord action =
        approved(ActionType.SOFT_DELETE, EntityType.MESSAGE, "m", copies(id, "bob@corp.example"));
    ImapConnector imap = labConnector();

    assertThat(imap.execute(action).outcome()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(MailLab.messageIds("bob", "INBOX")).doesNotContain(id);
    assertThat(MailLab.messageIds("bob", "Recoverable Items")).containsOnlyOnce(id);

    ConnectorResult again = imap.execute(action);
    assertThat(again.outcome()).isEqualTo(ConnectorResult.Outcome.ALREADY_DONE);
    assertThat(again.note()).contains("already in Recoverable Items");
    assertThat(MailLab.messageIds("bob", "Recoverable Items")).containsOnlyOnce(id);

    assertThat(imap.undo(action).outcome()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(MailLab.messageIds("bob", "INBOX")).containsOnlyOnce(id);
    assertThat(MailLab.messageIds("bob", "Recoverable Items")).doesNotContain(id);
  }

  @Test
  void shouldLogInWithSaslAuthorizationIdWhenConfigured() throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String id = deliver("carol");
    ImapConnector imap = connector(MailLab.port("IMAP_PORT"), "master-secret", "authzid");

    ConnectorResult r =
        imap.execute(
            approved(
                ActionType.MOVE_TO_JUNK,
                EntityType.MESSAGE,
                "m",
                copies(id, "carol@corp.example")));

    assertThat(r.outcome()).as(r.note()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(MailLab.messageIds("carol", "Junk")).contains(id);
  }

  @Test
  void shouldHardDeleteEveryCopyAndNotTheOtherMail() throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String doomed = deliver("alice");
    String kept = deliver("alice");

    ConnectorResult r =
        labConnector()
            .execute(
                approved(
                    ActionType.HARD_DELETE,
                    EntityType.MESSAGE,
                    "m",
                    copies(doomed, "alice@corp.example")));

    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(MailLab.messageIds("alice", "INBOX")).doesNotContain(doomed).contains(kept);
    assertThat(MailLab.messageIds("alice", "Recoverable Items")).doesNotContain(doomed);
  }
}
