package org.openair.action;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/**
 * The automation policy over HTTP: stored, audited, and applied to investigations started after.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class AutomationSettingsTest {
  private static final String DEFAULT =
      "{\"allManual\":false,\"maxClusterSize\":10000,\"identityActionsAutomatic\":false,"
          + "\"actionTypes\":{\"notify-reporter\":\"automatic\"},\"playbooks\":{}}";

  @AfterEach
  void restoreDefault() {
    put(DEFAULT).then().statusCode(200);
  }

  private static io.restassured.response.Response put(String body) {
    return asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/settings/automation");
  }

  @Test
  void defaultPolicyIsManualExceptReporterNotices() {
    asAdmin()
        .get("/api/v1/settings/automation")
        .then()
        .statusCode(200)
        .body("allManual", equalTo(false))
        .body("maxClusterSize", equalTo(10000))
        .body("actionTypes", equalTo(Map.of("notify-reporter", "automatic")));
  }

  @Test
  void automaticSoftDeleteRunsByItselfAsAutomationInInvestigationsStartedAfterTheChange() {
    String before = ingest(eml("reported-phish.eml"), "alice@corp.example");
    JsonPath earlier = settled(report(before, "alice@corp.example"));

    put("{\"actionTypes\":{\"soft-delete\":\"automatic\",\"notify-reporter\":\"automatic\"}}")
        .then()
        .statusCode(200)
        .body("actionTypes.soft-delete", equalTo("automatic"));

    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    JsonPath inv = settled(report(messageId, "bob@corp.example"));
    String softDelete = inv.getString("actions.find { it.type == 'soft-delete' }.id");
    JsonPath executed = actionReaches(softDelete, "executed");
    assertThat(executed.getString("decidedBy")).isEqualTo("automation");
    assertThat(executed.getString("comment")).contains("soft-delete");
    assertThat(inv.getString("actions.find { it.type == 'block-sender' }.status"))
        .isEqualTo("pending");
    assertThat(
            asAdmin()
                .queryParam("event", "action.approved")
                .queryParam("entityId", softDelete)
                .get("/api/v1/audit")
                .jsonPath()
                .getList("actor", String.class))
        .containsExactly("automation");

    // The investigation that started before the change keeps waiting for a person.
    String earlierSoftDelete = pendingActionId(earlier, "soft-delete");
    assertThat(asAdmin().get("/api/v1/actions/" + earlierSoftDelete).jsonPath().getString("status"))
        .isEqualTo("pending");
  }

  @Test
  void theSwitchBackToManualMakesEveryActionWaitIncludingReporterNotices() {
    put("{\"allManual\":true,\"actionTypes\":{\"soft-delete\":\"automatic\","
            + "\"notify-reporter\":\"automatic\"},\"playbooks\":{\"user-reported\":\"automatic\"}}")
        .then()
        .statusCode(200)
        .body("allManual", equalTo(true));

    String messageId = ingest(eml("reported-phish.eml"), "carol@corp.example");
    JsonPath inv = settled(report(messageId, "carol@corp.example"));

    assertThat(inv.getList("actions.status", String.class)).isNotEmpty().containsOnly("pending");
    assertThat(inv.getList("actions.type", String.class))
        .contains("soft-delete", "notify-reporter");
  }

  @Test
  void clusterAboveTheConfiguredLimitWaitsForAPerson() {
    put("{\"maxClusterSize\":1,\"actionTypes\":{\"soft-delete\":\"automatic\"}}")
        .then()
        .statusCode(200);

    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "bob@corp.example");
    JsonPath inv = settled(report(messageId, "alice@corp.example"));

    assertThat(inv.getString("actions.find { it.type == 'soft-delete' }.status"))
        .isEqualTo("pending");
  }

  @Test
  void changeIsAuditedWithBeforeAndAfter() {
    put("{\"actionTypes\":{\"move-to-junk\":\"automatic\"}}").then().statusCode(200);

    List<Map<String, Object>> entries =
        asAdmin()
            .queryParam("event", "settings.automation")
            .queryParam("limit", 10000)
            .get("/api/v1/audit")
            .jsonPath()
            .getList("");
    Map<String, Object> last = entries.get(entries.size() - 1);
    assertThat(last.get("actor")).isEqualTo("admin");
    assertThat((String) last.get("before")).contains("notify-reporter");
    assertThat((String) last.get("after")).contains("move-to-junk");
  }

  @Test
  void unknownFieldOrLevelGets400NamingTheField() {
    put("{\"actionTypes\":{\"soft-delete\":\"sometimes\"}}")
        .then()
        .statusCode(400)
        .body("field", equalTo("actionTypes"));
    put("{\"automatic\":true}").then().statusCode(400).body("field", equalTo("automatic"));
    put("not json").then().statusCode(400);
  }
}
