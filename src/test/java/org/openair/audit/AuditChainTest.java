package org.openair.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.store.Db;
import org.openair.support.TestRulesFolder;

/** The audit log's hash chain shows where a row was altered. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class AuditChainTest {
  @Inject AuditLog audit;
  @Inject Db db;

  @Test
  void verifyFindsTheFirstAlteredRowAndPassesOnceItIsRestored() {
    AuditEntry entry =
        audit.record("tester", "test.event", "test", "t-1", null, Map.of("value", "original"));
    asAdmin().get("/api/v1/audit/verify").then().body("intact", equalTo(true));

    setAfterState(entry.seq(), "{\"value\":\"forged\"}");
    try {
      asAdmin()
          .get("/api/v1/audit/verify")
          .then()
          .body("intact", equalTo(false))
          .body("brokenAt", equalTo((int) entry.seq()));
    } finally {
      setAfterState(entry.seq(), entry.after());
    }
    assertThat(audit.verify()).isEmpty();
  }

  @Test
  void entriesLinkToTheirPredecessor() {
    AuditEntry first = audit.record("tester", "test.first", "test", "t-2", null, null);
    AuditEntry second = audit.record("tester", "test.second", "test", "t-2", null, null);
    assertThat(second.seq()).isEqualTo(first.seq() + 1);
    assertThat(second.prevHash()).isEqualTo(first.hash());
  }

  private void setAfterState(long seq, String value) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update audit_log set after_state = ? where seq = ?")) {
            ps.setString(1, value);
            ps.setLong(2, seq);
            return ps.executeUpdate();
          }
        });
  }
}
