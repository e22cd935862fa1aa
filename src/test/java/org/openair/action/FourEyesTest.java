package org.openair.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.actionReaches;
import static org.openair.support.Api.as;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.support.Fixtures;
import org.openair.support.TestRulesFolder;

/**
 * Destructive types need two different approvers; who starts a manual investigation may not
 * approve.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class FourEyesTest {

  @Test
  void hardDeleteNeedsTwoDifferentApprovers() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example");
    JsonPath inv = settled(report(messageId, "alice@corp.example"));
    String id =
        Fixtures.addAction(
            inv.getString("id"),
            ActionType.HARD_DELETE,
            EntityType.CLUSTER,
            "cluster:" + messageId,
            List.of());
    String approver = user("approver");

    as(approver)
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"first look\"}")
        .post("/api/v1/actions/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("pending"))
        .body("approvalsRequired", equalTo(2))
        .body("approvals.by", equalTo(List.of(approver)))
        .body("approvals[0].comment", equalTo("first look"));

    as(approver)
        .post("/api/v1/actions/" + id + "/approve")
        .then()
        .statusCode(409)
        .body("message", containsString("has approved it already"));
    assertThat(asAdmin().get("/api/v1/actions/" + id).jsonPath().getString("status"))
        .isEqualTo("pending");

    asAdmin()
        .post("/api/v1/actions/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("decidedBy", equalTo("admin"))
        .body("approvals.by", equalTo(List.of(approver, "admin")));
    actionReaches(id, "executed");
  }

  @Test
  void softDeleteNeedsOneApprover() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    JsonPath inv = settled(report(messageId, "bob@corp.example"));
    String id = inv.getString("actions.find { it.type == 'soft-delete' }.id");
    assertThat(inv.getInt("actions.find { it.type == 'soft-delete' }.approvalsRequired"))
        .isEqualTo(1);

    as(user("approver")).post("/api/v1/actions/" + id + "/approve").then().statusCode(200);

    actionReaches(id, "executed");
  }

  @Test
  void shouldNotApproveActionsOfAManualInvestigationOneStarted() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body(
            "{\"username\":\"hunter\",\"password\":\"hunter-password-123\","
                + "\"roles\":[\"analyst\",\"approver\"]}")
        .post("/api/v1/users");
    String messageId = ingest(eml("reported-phish.eml"), "carol@corp.example");
    String investigationId =
        given()
            .auth()
            .preemptive()
            .basic("hunter", "hunter-password-123")
            .contentType(ContentType.JSON)
            .body("{\"type\":\"manual\",\"messageId\":\"" + messageId + "\"}")
            .post("/api/v1/alerts")
            .then()
            .statusCode(202)
            .extract()
            .path("investigationId");
    settled(investigationId);
    String id =
        Fixtures.addAction(
            investigationId,
            ActionType.SOFT_DELETE,
            EntityType.MESSAGE,
            "message:" + messageId,
            List.of());

    given()
        .auth()
        .preemptive()
        .basic("hunter", "hunter-password-123")
        .post("/api/v1/actions/" + id + "/approve")
        .then()
        .statusCode(403)
        .body("message", containsString("started investigation " + investigationId));

    as(user("approver")).post("/api/v1/actions/" + id + "/approve").then().statusCode(200);
    actionReaches(id, "executed");
  }
}
