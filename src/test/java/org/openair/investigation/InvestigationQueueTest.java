package org.openair.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openair.store.Db;
import org.openair.support.TestRulesFolder;

/** The durable queue: nothing queued or running is lost when the process stops. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class InvestigationQueueTest {
  @Inject InvestigationStore store;
  @Inject Db db;

  @Test
  void investigationLeftRunningByAStoppedProcessIsQueuedAgainAndCompleted() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    String id = report(messageId, "bob@corp.example");
    settled(id);
    // Put it back as a process that died mid-investigation would have left it.
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update investigations set status = 'running', result = null where id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate();
          }
        });
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("delete from actions where investigation_id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate();
          }
        });

    assertThat(store.requeueInterrupted(Instant.now())).contains(id);

    var done = settled(id);
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(done.getString("status")).isEqualTo("pending-action");
    assertThat(done.getList("actions")).isNotEmpty();
  }

  @Test
  void queuedInvestigationIsPickedUpFromTheDatabaseWithoutAWakeUp() {
    String messageId = ingest(eml("colleague-benign.eml"), "bob@corp.example");
    String id = report(messageId, "bob@corp.example");
    settled(id);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update investigations set status = 'queued', result = null where id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate();
          }
        });

    assertThat(settled(id).getString("status")).isEqualTo("no-threats-found");
  }
}
