package org.openair.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.actionReaches;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/** A reversible action can be undone once, by an audited undo action that is carried out. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class UndoTest {

  @Test
  void undoingASoftDeleteBringsEveryCopyBackToTheInbox() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "bob@corp.example");
    JsonPath inv = settled(report(messageId, "alice@corp.example"));
    String softDelete = pendingActionId(inv, "soft-delete");
    asAdmin().post("/api/v1/actions/" + softDelete + "/approve").then().statusCode(200);
    actionReaches(softDelete, "executed");
    assertThat(folders(messageId)).doesNotContain("inbox");

    String undoId =
        asAdmin()
            .contentType(ContentType.JSON)
            .body("{\"comment\":\"false positive, newsletter\"}")
            .post("/api/v1/actions/" + softDelete + "/undo")
            .then()
            .statusCode(202)
            .body("type", equalTo("move-to-inbox"))
            .body("undoOf", equalTo(softDelete))
            .body("decidedBy", equalTo("admin"))
            .extract()
            .path("id");

    actionReaches(undoId, "executed");
    assertThat(folders(messageId)).containsOnly("inbox");
    assertThat(asAdmin().get("/api/v1/actions/" + softDelete).jsonPath().getString("undoneBy"))
        .isEqualTo(undoId);
    assertThat(
            asAdmin()
                .queryParam("event", "action.undo-requested")
                .queryParam("entityId", softDelete)
                .get("/api/v1/audit")
                .jsonPath()
                .getList("actor", String.class))
        .containsExactly("admin");

    asAdmin()
        .post("/api/v1/actions/" + softDelete + "/undo")
        .then()
        .statusCode(409)
        .body("message", containsString("undone already"));
  }

  @Test
  void onlyExecutedReversibleActionsCanBeUndone() {
    String messageId = ingest(eml("reported-phish.eml"), "carol@corp.example");
    JsonPath inv = settled(report(messageId, "carol@corp.example"));

    asAdmin()
        .post("/api/v1/actions/" + pendingActionId(inv, "soft-delete") + "/undo")
        .then()
        .statusCode(409)
        .body("message", containsString("only executed ones"));
    String notice = inv.getString("actions.find { it.type == 'notify-reporter' }.id");
    asAdmin()
        .post("/api/v1/actions/" + notice + "/undo")
        .then()
        .statusCode(409)
        .body("message", containsString("cannot be undone"));
    asAdmin().post("/api/v1/actions/act-missing/undo").then().statusCode(404);
  }

  private static List<String> folders(String messageId) {
    return asAdmin()
        .get("/api/v1/messages/" + messageId)
        .jsonPath()
        .getList("deliveries.folder", String.class);
  }
}
