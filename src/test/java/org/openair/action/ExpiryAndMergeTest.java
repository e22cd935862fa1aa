package org.openair.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.actionReaches;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionId;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.store.Db;
import org.openair.support.TestRulesFolder;

/** Pending actions expire after a week; approving the same target again within the hour merges. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ExpiryAndMergeTest {
  @Inject ActionCenter center;
  @Inject Db db;

  private ActionExpiry expiryAt(Duration ahead) {
    return new ActionExpiry(center, Clock.offset(Clock.systemUTC(), ahead), Duration.ZERO);
  }

  @Test
  void pendingActionsExpireAfterSevenDaysAndTheInvestigationTerminates() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example");
    JsonPath inv = settled(report(messageId, "alice@corp.example"));
    String investigationId = inv.getString("id");
    List<String> pending = org.openair.support.Api.pendingActionIds(inv);
    assertThat(pending).isNotEmpty();

    expiryAt(Duration.ofDays(7).minusMinutes(5)).check();
    for (String id : pending) {
      assertThat(status(id)).isEqualTo("pending");
    }

    assertThat(expiryAt(Duration.ofDays(7).plusMinutes(5)).check())
        .isGreaterThanOrEqualTo(pending.size());

    for (String id : pending) {
      JsonPath a = asAdmin().get("/api/v1/actions/" + id).jsonPath();
      assertThat(a.getString("status")).isEqualTo("expired");
      assertThat(a.getString("decidedBy")).isEqualTo("system");
    }
    assertThat(
            asAdmin()
                .get("/api/v1/investigations/" + investigationId)
                .jsonPath()
                .getString("status"))
        .isEqualTo("terminated");
    assertThat(
            asAdmin()
                .queryParam("event", "action.expired")
                .queryParam("entityId", pending.get(0))
                .get("/api/v1/audit")
                .jsonPath()
                .getList("actor", String.class))
        .containsExactly("system");
  }

  @Test
  void anInvestigationWithOneActionCarriedOutEndsPartiallyRemediatedWhenTheRestExpire() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    JsonPath inv = settled(report(messageId, "bob@corp.example"));
    String softDelete = pendingActionId(inv, "soft-delete");
    asAdmin().post("/api/v1/actions/" + softDelete + "/approve").then().statusCode(200);
    actionReaches(softDelete, "executed");

    expiryAt(Duration.ofDays(8)).check();

    assertThat(status(pendingActionId(inv, "block-sender"))).isEqualTo("expired");
    assertThat(
            asAdmin()
                .get("/api/v1/investigations/" + inv.getString("id"))
                .jsonPath()
                .getString("status"))
        .isEqualTo("partially-remediated");
  }

  @Test
  void approvingTheSameTargetWithinTheHourIsMergedIntoTheFirstApproval() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "bob@corp.example");
    JsonPath first = settled(report(messageId, "alice@corp.example"));
    JsonPath second = settled(report(messageId, "bob@corp.example"));
    String firstId = pendingActionId(first, "soft-delete");
    String secondId = pendingActionId(second, "soft-delete");

    asAdmin().post("/api/v1/actions/" + firstId + "/approve").then().statusCode(200);
    actionReaches(firstId, "executed");

    JsonPath waiting = asAdmin().get("/api/v1/actions/" + secondId).jsonPath();
    assertThat(waiting.getString("status")).isEqualTo("pending");
    assertThat(waiting.getString("remediatedBy")).isEqualTo(firstId);

    JsonPath merged = asAdmin().post("/api/v1/actions/" + secondId + "/approve").jsonPath();

    assertThat(merged.getString("status")).isEqualTo("merged");
    assertThat(merged.getString("mergedInto")).isEqualTo(firstId);
    assertThat(merged.getString("executedAt")).isNull();
    List<String> executedEvents =
        asAdmin()
            .queryParam("event", "action.executed")
            .queryParam("entityId", secondId)
            .get("/api/v1/audit")
            .jsonPath()
            .getList("event", String.class);
    assertThat(executedEvents).isEmpty();
    assertThat(
            asAdmin()
                .queryParam("event", "action.merged")
                .queryParam("entityId", secondId)
                .get("/api/v1/audit")
                .jsonPath()
                .getList("actor", String.class))
        .containsExactly("admin");
  }

  @Test
  void approvingTheSameTargetMoreThanAnHourLaterIsCarriedOutAgain() {
    String messageId =
        ingest(eml("reported-phish.eml"), "alice@corp.example", "carol@corp.example");
    JsonPath first = settled(report(messageId, "alice@corp.example"));
    JsonPath second = settled(report(messageId, "carol@corp.example"));
    String firstId = pendingActionId(first, "soft-delete");
    String secondId = pendingActionId(second, "soft-delete");
    asAdmin().post("/api/v1/actions/" + firstId + "/approve").then().statusCode(200);
    actionReaches(firstId, "executed");
    setDecidedAt(firstId, Instant.now().minus(Duration.ofMinutes(61)));

    asAdmin().post("/api/v1/actions/" + secondId + "/approve").then().statusCode(200);

    JsonPath again = actionReaches(secondId, "executed");
    assertThat(again.getString("mergedInto")).isNull();
  }

  private static String status(String actionId) {
    return asAdmin().get("/api/v1/actions/" + actionId).jsonPath().getString("status");
  }

  private void setDecidedAt(String actionId, Instant at) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update actions set decided_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, actionId);
            return ps.executeUpdate();
          }
        });
  }
}
