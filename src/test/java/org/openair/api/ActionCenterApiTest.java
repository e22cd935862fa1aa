package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionId;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/** The pending list's filters and paging, and decisions on many actions at once. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ActionCenterApiTest {

  private static JsonPath investigation() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example");
    return settled(report(messageId, "alice@corp.example"));
  }

  @Test
  void bulkApproveAnswersPerAction() {
    JsonPath one = investigation();
    JsonPath two = investigation();
    String a = pendingActionId(one, "soft-delete");
    String b = pendingActionId(two, "soft-delete");

    JsonPath result =
        asAdmin()
            .contentType(ContentType.JSON)
            .body(
                "{\"ids\":[\"" + a + "\",\"" + b + "\",\"act-missing\"],\"comment\":\"campaign\"}")
            .post("/api/v1/actions/approve")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(result.getInt("succeeded")).isEqualTo(2);
    assertThat(result.getInt("failed")).isEqualTo(1);
    assertThat(result.getList("results.id", String.class)).containsExactly(a, b, "act-missing");
    assertThat(result.getList("results.status", Integer.class)).containsExactly(200, 200, 404);
    assertThat(result.getString("results[0].action.decidedBy")).isEqualTo("admin");
    assertThat(result.getString("results[0].action.comment")).isEqualTo("campaign");
    assertThat(result.getString("results[2].error")).contains("act-missing");
  }

  @Test
  void bulkRejectNeedsACommentAndKeepsWhoAndWhen() {
    JsonPath inv = investigation();
    List<String> pending = org.openair.support.Api.pendingActionIds(inv);

    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"ids\":[\"" + pending.get(0) + "\"]}")
        .post("/api/v1/actions/reject")
        .then()
        .statusCode(400)
        .body("field", equalTo("comment"));

    String ids = String.join("\",\"", pending);
    JsonPath result =
        asAdmin()
            .contentType(ContentType.JSON)
            .body("{\"ids\":[\"" + ids + "\"],\"comment\":\"phishing simulation\"}")
            .post("/api/v1/actions/reject")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(result.getList("results.action.status", String.class)).containsOnly("rejected");
    assertThat(result.getList("results.action.decidedBy", String.class)).containsOnly("admin");
    assertThat(result.getList("results.action.decidedAt", String.class)).doesNotContainNull();
    assertThat(
            asAdmin()
                .get("/api/v1/investigations/" + inv.getString("id"))
                .jsonPath()
                .getString("status"))
        .isEqualTo("terminated");
  }

  @Test
  void singleRejectWithoutACommentGets400NamingTheField() {
    String id = pendingActionId(investigation(), "soft-delete");

    asAdmin()
        .post("/api/v1/actions/" + id + "/reject")
        .then()
        .statusCode(400)
        .body("field", equalTo("comment"));
  }

  @Test
  void bulkWithoutIdsGets400() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"ids\":[]}")
        .post("/api/v1/actions/approve")
        .then()
        .statusCode(400)
        .body("field", equalTo("ids"));
  }

  @Test
  void pendingListFiltersByInvestigationTypeTargetPlaybookAndAge() {
    JsonPath inv = investigation();
    String investigationId = inv.getString("id");
    String softDelete = pendingActionId(inv, "soft-delete");
    String target = inv.getString("actions.find { it.type == 'soft-delete' }.target");

    Response byInvestigationAndType =
        asAdmin()
            .queryParam("status", "pending")
            .queryParam("investigation", investigationId)
            .queryParam("type", "soft-delete")
            .get("/api/v1/actions");
    assertThat(byInvestigationAndType.jsonPath().getList("id", String.class))
        .containsExactly(softDelete);
    assertThat(byInvestigationAndType.header("X-Total-Count")).isEqualTo("1");

    assertThat(
            asAdmin()
                .queryParam("target", target.substring(8).toUpperCase(java.util.Locale.ROOT))
                .get("/api/v1/actions")
                .jsonPath()
                .getList("id", String.class))
        .contains(softDelete);
    assertThat(
            asAdmin()
                .queryParam("investigation", investigationId)
                .queryParam("playbook", "user-reported")
                .get("/api/v1/actions")
                .jsonPath()
                .getList("id", String.class))
        .contains(softDelete);
    assertThat(
            asAdmin()
                .queryParam("investigation", investigationId)
                .queryParam("playbook", "malware-zap")
                .get("/api/v1/actions")
                .jsonPath()
                .getList("id", String.class))
        .isEmpty();
    assertThat(
            asAdmin()
                .queryParam("investigation", investigationId)
                .queryParam("newerThan", "PT1H")
                .get("/api/v1/actions")
                .jsonPath()
                .getList("id", String.class))
        .contains(softDelete);
    assertThat(
            asAdmin()
                .queryParam("investigation", investigationId)
                .queryParam("olderThan", "P1D")
                .get("/api/v1/actions")
                .jsonPath()
                .getList("id", String.class))
        .isEmpty();
  }

  @Test
  void pendingListPages() {
    String investigationId = investigation().getString("id");
    List<String> all =
        asAdmin()
            .queryParam("investigation", investigationId)
            .get("/api/v1/actions")
            .jsonPath()
            .getList("id", String.class);
    assertThat(all).hasSizeGreaterThan(1);

    List<String> second =
        asAdmin()
            .queryParam("investigation", investigationId)
            .queryParam("size", 1)
            .queryParam("page", 1)
            .get("/api/v1/actions")
            .jsonPath()
            .getList("id", String.class);
    assertThat(second).containsExactly(all.get(1));
  }

  @Test
  void unknownFilterValuesGet400NamingTheField() {
    asAdmin()
        .queryParam("type", "nuke")
        .get("/api/v1/actions")
        .then()
        .statusCode(400)
        .body("field", equalTo("type"));
    asAdmin()
        .queryParam("olderThan", "yesterday")
        .get("/api/v1/actions")
        .then()
        .statusCode(400)
        .body("field", equalTo("olderThan"));
  }
}
