package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.actionDone;
import static org.openair.support.Api.actionReaches;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.investigationReaches;
import static org.openair.support.Api.pendingActionId;
import static org.openair.support.Api.pendingActionIds;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/** The core loop over HTTP: ingest, report, investigate, recommend, approve, remediate. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class UserReportedFlowTest {

  @Test
  void reportedPhishDeliveredToThreeMailboxesGetsOneSoftDeleteCoveringEveryCopy() {
    String messageId =
        ingest(
            eml("reported-phish.eml"),
            "alice@corp.example",
            "bob@corp.example",
            "carol@corp.example");

    JsonPath inv = settled(report(messageId, "bob@corp.example"));

    assertThat(inv.getString("status")).isEqualTo("pending-action");
    assertThat(inv.getString("verdict")).isIn("malicious", "suspicious");
    assertThat(inv.getString("playbook")).isEqualTo("user-reported");
    assertThat(inv.getString("ruleSetId")).startsWith("rs-");
    List<Map<String, Object>> softDeletes =
        inv.getList("actions.findAll { it.type == 'soft-delete' }");
    assertThat(softDeletes).hasSize(1);
    Map<String, Object> softDelete = softDeletes.get(0);
    assertThat(softDelete.get("status")).isEqualTo("pending");
    assertThat((String) softDelete.get("ruleId")).startsWith("OA-");
    assertThat((String) softDelete.get("ruleFile")).endsWith(".drl");
    assertThat((String) softDelete.get("ruleFileSha256")).hasSize(64);
    assertThat((String) softDelete.get("explanation")).isNotBlank();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> deliveries = (List<Map<String, String>>) softDelete.get("deliveries");
    assertThat(deliveries)
        .extracting(d -> d.get("mailbox"))
        .containsExactlyInAnyOrder("alice@corp.example", "bob@corp.example", "carol@corp.example");
    assertThat(inv.getList("result.findings.provenance.ruleId", String.class)).isNotEmpty();
  }

  @Test
  void senderMailboxKeepsItsCapitalsThroughTheStoreSoAGeneratedNameIsSeen() {
    String raw =
        new String(eml("colleague-benign.eml"), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace(
                "From: Dana Reyes <dana@partner.example>",
                "From: Dana Reyes <DfGmlrN@partner.example>");
    String messageId =
        ingest(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "bob@corp.example");

    JsonPath inv = settled(report(messageId, "bob@corp.example"));

    List<String> explanations =
        inv.getList(
            "result.findings.findAll { it.provenance.ruleId == 'OA-SND-014' }.explanation",
            String.class);
    assertThat(explanations).singleElement().asString().contains("\"DfGmlrN\"");
  }

  @Test
  void approvingEveryPendingActionRemediatesTheInvestigation() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "bob@corp.example");
    String investigationId = report(messageId, "alice@corp.example");
    List<String> pending = pendingActionIds(settled(investigationId));
    assertThat(pending).isNotEmpty();

    for (String id : pending) {
      asAdmin()
          .contentType(ContentType.JSON)
          .body("{\"comment\":\"confirmed phish\"}")
          .post("/api/v1/actions/" + id + "/approve")
          .then()
          .statusCode(200)
          .body(
              "status", org.hamcrest.Matchers.oneOf("approved", "executing", "executed", "merged"))
          .body("decidedBy", equalTo("admin"))
          .body("comment", equalTo("confirmed phish"));
    }
    // An action on a target approved within the hour (the same sender, blocked by an earlier
    // test) is merged into that approval rather than carried out twice.
    for (String id : pending) {
      actionDone(id);
    }

    investigationReaches(investigationId, "remediated");
    String softDeleted =
        asAdmin().get("/api/v1/messages/" + messageId).jsonPath().getString("deliveries.folder");
    assertThat(softDeleted).doesNotContain("inbox");
  }

  @Test
  void approvingOneOfSeveralActionsLeavesTheInvestigationPartiallyRemediated() {
    String messageId = ingest(eml("reported-phish.eml"), "carol@corp.example");
    String investigationId = report(messageId, "carol@corp.example");
    List<String> pending = pendingActionIds(settled(investigationId));
    assertThat(pending).hasSizeGreaterThan(1);

    asAdmin().post("/api/v1/actions/" + pending.get(0) + "/approve").then().statusCode(200);
    actionDone(pending.get(0));

    investigationReaches(investigationId, "partially-remediated");
  }

  @Test
  void approvingTwiceIsIdempotentAndRejectingAnExecutedActionConflicts() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    String actionId =
        pendingActionId(settled(report(messageId, "bob@corp.example")), "soft-delete");

    asAdmin().post("/api/v1/actions/" + actionId + "/approve").then().statusCode(200);
    String executedAt = actionReaches(actionId, "executed").getString("executedAt");
    asAdmin()
        .post("/api/v1/actions/" + actionId + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("executed"))
        .body("executedAt", equalTo(executedAt));
    asAdmin()
        .post("/api/v1/actions/" + actionId + "/reject")
        .then()
        .statusCode(409)
        .body("message", org.hamcrest.Matchers.containsString("executed"));
  }

  @Test
  void approvingARejectedActionConflicts() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example");
    String actionId = pendingActionIds(settled(report(messageId, "alice@corp.example"))).get(0);

    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"simulation mail\"}")
        .post("/api/v1/actions/" + actionId + "/reject")
        .then()
        .statusCode(200)
        .body("status", equalTo("rejected"));

    asAdmin()
        .post("/api/v1/actions/" + actionId + "/approve")
        .then()
        .statusCode(409)
        .body("message", org.hamcrest.Matchers.containsString("rejected"));
  }

  @Test
  void benignReportedMessageEndsWithNoThreatsFoundAndNothingDestructive() {
    String messageId = ingest(eml("colleague-benign.eml"), "bob@corp.example");

    JsonPath inv = settled(report(messageId, "bob@corp.example"));

    assertThat(inv.getString("status")).isEqualTo("no-threats-found");
    assertThat(inv.getString("verdict")).isIn("clean", "unknown");
    assertThat(inv.getList("actions.type", String.class)).containsOnly("notify-reporter");
  }

  @Test
  void pendingActionsAreListedWithTheRuleThatRecommendedThem() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    String investigationId = report(messageId, "bob@corp.example");
    settled(investigationId);

    List<Map<String, Object>> pending =
        asAdmin()
            .queryParam("status", "pending")
            .queryParam("size", 1000)
            .get("/api/v1/actions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.investigationId == '" + investigationId + "' }");
    assertThat(pending).isNotEmpty().allSatisfy(a -> assertThat(a.get("ruleId")).isNotNull());
  }
}
