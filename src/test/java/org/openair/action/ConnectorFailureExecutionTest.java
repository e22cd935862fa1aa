package org.openair.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionId;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.action.ExecutionRecoveryTest.HandClock;
import org.openair.action.connector.ImapConnector;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.store.Db;
import org.openair.support.MailLab;
import org.openair.support.TestConfig;
import org.openair.support.TestRulesFolder;

/**
 * A real IMAP connector that fails, driven by the durable executor: the soft delete a reported
 * phish leads to ends {@code failed} with a reason a person can read when the server is down or
 * refuses the password, and {@code executed} with a note when the copies are already gone.
 *
 * <p>The message is ingested over the API, so Dovecot never holds it: for the lab's server, its
 * copies are already gone. Each test drives its own worker, with its own connector and clock, on an
 * action approved but due only by that clock, so the service's workers and connectors stay out.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ConnectorFailureExecutionTest {
  @Inject ActionStore store;
  @Inject StoreExecutor storeExecutor;
  @Inject InvestigationProgress progress;
  @Inject Db db;
  @Inject AuditLog audit;
  @Inject OpenAirConfig config;

  @Test
  void aSoftDeleteWhoseImapServerIsDownFailsWithTheReasonAfterTheLastAttempt() {
    String id = softDeleteDueLater("alice@corp.example");
    HandClock clock = new HandClock(dueAt(id));
    ActionWorker worker = worker(imap(closedPort(), "master-secret"), clock);

    for (int i = 0; i < config.actions().maxAttempts(); i++) {
      assertThat(worker.runOnce(id)).as("attempt %d", i + 1).isTrue();
      clock.advance(config.actions().maxRetryBackoff());
    }

    ActionRecord failed = store.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(config.actions().maxAttempts());
    assertThat(failed.executionNote())
        .contains("gave up after " + config.actions().maxAttempts() + " attempts")
        .contains("imap: alice@corp.example: ")
        .contains("not reachable");
  }

  @Test
  void aSoftDeleteWhoseImapServerRefusesThePasswordFailsAtOnceWithTheReason() {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String id = softDeleteDueLater("bob@corp.example");

    worker(imap(MailLab.port("IMAP_PORT"), "wrong-password"), new HandClock(dueAt(id))).runOnce(id);

    ActionRecord failed = store.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.executionNote())
        .contains("imap: bob@corp.example: ")
        .contains("refused the login");
  }

  @Test
  void aSoftDeleteOfCopiesAlreadyGoneIsExecutedWithANote() {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String id = softDeleteDueLater("carol@corp.example");

    worker(imap(MailLab.port("IMAP_PORT"), "master-secret"), new HandClock(dueAt(id))).runOnce(id);

    ActionRecord done = store.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(done.executionNote())
        .contains("imap: carol@corp.example: ")
        .contains("already gone");
  }

  private ActionWorker worker(ImapConnector imap, HandClock clock) {
    return new ActionWorker(
        store,
        new ActionExecutor(List.of(imap)),
        storeExecutor,
        progress,
        db,
        audit,
        clock,
        config);
  }

  private static ImapConnector imap(int port, String password) {
    Map<String, String> c = new HashMap<>();
    c.put("openair.connectors.imap.enabled", "true");
    c.put("openair.connectors.imap.server.port", Integer.toString(port));
    c.put("openair.connectors.imap.server.user", "remediation");
    c.put("openair.connectors.imap.server.password", password);
    c.put("openair.connectors.imap.server.timeout", "5s");
    return new ImapConnector(TestConfig.of(c));
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The soft delete of a reported phish, approved but due a day from now. */
  private String softDeleteDueLater(String mailbox) {
    String messageId = ingest(eml("reported-phish.eml"), mailbox);
    String id = pendingActionId(settled(report(messageId, mailbox)), "soft-delete");
    Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update actions set status = 'approved', decided_by = 'admin', decided_at = ?,"
                      + " next_attempt_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, id);
            return ps.executeUpdate();
          }
        });
    return id;
  }

  private Instant dueAt(String id) {
    return store.find(id).orElseThrow().nextAttemptAt();
  }
}
