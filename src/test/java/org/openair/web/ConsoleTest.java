package org.openair.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openair.support.Api.ADMIN;
import static org.openair.support.Api.ADMIN_PASSWORD;
import static org.openair.support.Api.actionReaches;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionId;
import static org.openair.support.Api.pendingActionIds;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.config.SessionKeySource;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.support.Fixtures;
import org.openair.support.TestRulesFolder;

/** The console over HTTP: sign-in, roles, CSRF, decisions, filters and every page rendering. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ConsoleTest {

  private static String password(String user) {
    return user + "-password-123";
  }

  private static ConsoleSession as(String role) {
    String name = user(role);
    return ConsoleSession.signIn(name, password(name));
  }

  private static ConsoleSession admin() {
    return ConsoleSession.signIn(ADMIN, ADMIN_PASSWORD);
  }

  /** A fresh investigation with pending actions; returns it as the API shows it. */
  private static JsonPath pendingInvestigation() {
    String messageId =
        ingest(eml("reported-phish.eml"), "alice@corp.example", "carol@corp.example");
    return settled(report(messageId, "alice@corp.example"));
  }

  @Test
  void anonymousVisitorIsSentToTheSignInPage() {
    for (String path : List.of("/ui", "/ui/investigations", "/ui/settings", "/ui/audit")) {
      given()
          .redirects()
          .follow(false)
          .get(path)
          .then()
          .statusCode(302)
          .header("Location", containsString("/login"));
    }
    given().get("/login").then().statusCode(200).body(containsString("j_password"));
  }

  @Test
  void wrongPasswordGoesBackToTheSignInPageWithAnError() {
    given()
        .redirects()
        .follow(false)
        .header("Origin", ConsoleSession.origin())
        .formParam("j_username", ADMIN)
        .formParam("j_password", "wrong")
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", containsString("/login?error"));
  }

  @Test
  void signInPostedFromAnotherSiteIsRefused() {
    given()
        .redirects()
        .follow(false)
        .header("Origin", "http://evil.example")
        .formParam("j_username", ADMIN)
        .formParam("j_password", ADMIN_PASSWORD)
        .post("/j_security_check")
        .then()
        .statusCode(403);
    given()
        .redirects()
        .follow(false)
        .formParam("j_username", ADMIN)
        .formParam("j_password", ADMIN_PASSWORD)
        .post("/j_security_check")
        .then()
        .statusCode(403);
  }

  @Test
  void sessionCookieDoesNotOpenTheApi() {
    ConsoleSession s = admin();
    s.request().get("/api/v1/investigations").then().statusCode(401);
  }

  @Test
  void sessionKeyIsGeneratedUnderTheDataDir() throws IOException {
    Path key = Path.of("target/test-data").resolve(SessionKeySource.FILE_NAME);
    assertThat(key).exists();
    assertThat(Files.readString(key).strip()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void signOutEndsTheSession() {
    ConsoleSession s = admin();
    String token = s.csrfFrom("/ui");
    Response r = s.request().formParam("csrf", token).post("/ui/logout");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.header("Location")).contains("/login?signedOut");
    assertThat(r.getDetailedCookie("openair-session").getValue()).isEmpty();
  }

  @Test
  void everyPageRendersForAnAdmin() {
    JsonPath inv = pendingInvestigation();
    String id = inv.getString("id");
    String set = inv.getString("ruleSetId");
    String file = inv.getString("actions[0].ruleFile");
    ConsoleSession s = admin();
    for (String path :
        List.of(
            "/ui",
            "/ui/investigations",
            "/ui/investigations?status=pending-action&verdict=malicious&from=2020-01-01",
            "/ui/investigations/" + id,
            "/ui/actions",
            "/ui/actions?view=history",
            "/ui/rules",
            "/ui/rules/sets/" + set,
            "/ui/rules/sets/" + set + "/files/" + file,
            "/ui/audit",
            "/ui/audit?verify=true",
            "/ui/settings")) {
      s.get(path).then().statusCode(200).contentType(containsString("text/html"));
    }
    s.get("/ui/audit?verify=true").then().body(containsString("The chain is intact"));
    s.get("/ui/investigations/" + id)
        .then()
        .body(containsString("<svg class=\"graph\""))
        .body(containsString("/ui/rules/sets/" + set + "/files/"))
        .body(containsString("Approve selected"));
  }

  @Test
  void eachRoleSeesOnlyWhatItMayUse() {
    String id = pendingInvestigation().getString("id");
    ConsoleSession analyst = as("analyst");
    analyst
        .get("/ui/investigations/" + id)
        .then()
        .statusCode(200)
        .body(not(containsString("value=\"approve\"")))
        .body(not(containsString("Approve")))
        .body(not(containsString("href=\"/ui/settings\"")));
    analyst.get("/ui/rules").then().statusCode(403);
    analyst.get("/ui/audit").then().statusCode(403);

    ConsoleSession auditor = as("auditor");
    auditor.get("/ui").then().statusCode(200).body(containsString("href=\"/ui/rules\""));
    auditor.get("/ui/rules").then().statusCode(200);
    auditor.get("/ui/audit").then().statusCode(200);
    auditor
        .get("/ui/settings")
        .then()
        .statusCode(403)
        .contentType(containsString("text/html"))
        .body(containsString("Not allowed"));

    as("approver").get("/ui/investigations/" + id).then().body(containsString("Approve selected"));
  }

  @Test
  void analystsForgedApproveWithAValidTokenIsRefused() {
    JsonPath inv = pendingInvestigation();
    String actionId = pendingActionIds(inv).get(0);
    ConsoleSession analyst = as("analyst");
    String token = analyst.csrfFrom("/ui/investigations/" + inv.getString("id"));
    analyst
        .request()
        .formParam("csrf", token)
        .formParam("id", actionId)
        .formParam("decision", "approve")
        .post("/ui/actions/decide")
        .then()
        .statusCode(403);
    asAdmin().get("/api/v1/actions/" + actionId).then().body(containsString("\"pending\""));
  }

  @Test
  void formPostedWithoutTheCsrfTokenIsRefused() {
    JsonPath inv = pendingInvestigation();
    String actionId = pendingActionIds(inv).get(0);
    ConsoleSession approver = as("approver");
    String token = approver.csrfFrom("/ui/actions");
    approver
        .request()
        .formParam("id", actionId)
        .formParam("decision", "approve")
        .post("/ui/actions/decide")
        .then()
        .statusCode(400);
    approver
        .request()
        .formParam("csrf", token + "x")
        .formParam("id", actionId)
        .formParam("decision", "approve")
        .post("/ui/actions/decide")
        .then()
        .statusCode(400);
    // Another user's token does not fit this session.
    String othersToken = as("admin").csrfFrom("/ui/actions");
    approver
        .request()
        .formParam("csrf", othersToken)
        .formParam("id", actionId)
        .formParam("decision", "approve")
        .post("/ui/actions/decide")
        .then()
        .statusCode(400);
    asAdmin().get("/api/v1/actions/" + actionId).then().body(containsString("\"pending\""));
  }

  @Test
  void approverRejectsManyAtOnceButOnlyWithAComment() {
    JsonPath inv = pendingInvestigation();
    List<String> pending = pendingActionIds(inv);
    ConsoleSession approver = as("approver");
    String token = approver.csrfFrom("/ui/actions");

    approver
        .request()
        .formParam("csrf", token)
        .formParam("id", pending.toArray())
        .formParam("decision", "reject")
        .formParam("comment", " ")
        .post("/ui/actions/decide")
        .then()
        .statusCode(400)
        .contentType(containsString("text/html"))
        .body(containsString("say why in the comment"));

    approver
        .request()
        .formParam("csrf", token)
        .formParam("id", pending.toArray())
        .formParam("decision", "reject")
        .formParam("comment", "simulation mail, not a threat")
        .formParam("back", "/ui/investigations/" + inv.getString("id"))
        .post("/ui/actions/decide")
        .then()
        .statusCode(303)
        .header("Location", containsString("/ui/investigations/" + inv.getString("id")));

    for (String id : pending) {
      JsonPath a = asAdmin().get("/api/v1/actions/" + id).jsonPath();
      assertThat(a.getString("status")).isEqualTo("rejected");
      assertThat(a.getString("comment")).isEqualTo("simulation mail, not a threat");
    }
    approver
        .get("/ui/actions?view=history")
        .then()
        .body(containsString(pending.get(0)))
        .body(containsString("simulation mail, not a threat"));
  }

  @Test
  void decisionNeverRedirectsOffTheConsole() {
    JsonPath inv = pendingInvestigation();
    ConsoleSession approver = as("approver");
    String token = approver.csrfFrom("/ui/actions");
    Response r =
        approver
            .request()
            .formParam("csrf", token)
            .formParam("id", pendingActionIds(inv).get(0))
            .formParam("decision", "approve")
            .formParam("back", "//evil.example/ui")
            .post("/ui/actions/decide");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.header("Location")).doesNotContain("evil.example");
  }

  @Test
  void investigationListFiltersBySenderAndMailbox() {
    String id = pendingInvestigation().getString("id");
    ConsoleSession s = as("viewer");
    s.get("/ui/investigations?sender=paypa1-secure&mailbox=carol@corp.example")
        .then()
        .statusCode(200)
        .body(containsString(id));
    s.get("/ui/investigations?mailbox=nobody-here@corp.example")
        .then()
        .body(not(containsString(id)));
    s.get("/ui/investigations?status=no-such-status")
        .then()
        .statusCode(400)
        .body(containsString("unknown status"));
  }

  @Test
  void adminAddsAUserAndIssuesATokenThatTheApiAccepts() {
    ConsoleSession admin = admin();
    String token = admin.csrfFrom("/ui/settings");
    String name = "console-made-" + System.nanoTime();
    admin
        .request()
        .formParam("csrf", token)
        .formParam("username", name)
        .formParam("password", "a-long-enough-password")
        .formParam("role", "viewer", "analyst")
        .post("/ui/settings/users")
        .then()
        .statusCode(303);
    String page =
        admin
            .request()
            .formParam("csrf", token)
            .formParam("name", "siem")
            .post("/ui/settings/users/" + name + "/tokens")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .extract()
            .asString();
    String apiToken = page.replaceAll("(?s).*id=\"token\">([^<]+)<.*", "$1");
    assertThat(apiToken).startsWith("oat_");
    given().auth().oauth2(apiToken).get("/api/v1/investigations").then().statusCode(200);
    admin
        .request()
        .formParam("csrf", token)
        .formParam("username", "x")
        .formParam("password", "short")
        .formParam("role", "viewer")
        .post("/ui/settings/users")
        .then()
        .statusCode(400)
        .body(containsString("at least 12 characters"));
  }

  @Test
  void refusedReloadShowsItsErrorsAndAuditExportIsCsv() throws IOException {
    ConsoleSession admin = admin();
    String token = admin.csrfFrom("/ui/rules");
    Path broken = TestRulesFolder.folder().resolve("zz_console_broken.drl");
    Files.writeString(
        broken, "package rules.broken\n\nrule \"half\"\nwhen\n  Message( \nthen\nend\n");
    try {
      String location =
          admin
              .request()
              .formParam("csrf", token)
              .post("/ui/rules/reload")
              .then()
              .statusCode(303)
              .extract()
              .header("Location");
      admin
          .get(location)
          .then()
          .body(containsString("Refused"))
          .body(containsString("zz_console_broken.drl"));
    } finally {
      Files.delete(broken);
    }
    admin.request().formParam("csrf", token).post("/ui/rules/reload").then().statusCode(303);

    admin
        .get("/ui/audit/export.csv?event=rules.*")
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .body(containsString("seq,at,actor,event"))
        .body(containsString("rules.reload-refused"));
    as("analyst").get("/ui/audit/export.csv").then().statusCode(403);
  }

  /** A user with the analyst and approver roles, who can start manual investigations. */
  private static String hunter() {
    String name = "console-hunter";
    int status =
        asAdmin()
            .contentType(ContentType.JSON)
            .body(
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + password(name)
                    + "\",\"roles\":[\"analyst\",\"approver\"]}")
            .post("/api/v1/users")
            .statusCode();
    assertThat(status).isIn(201, 409);
    return name;
  }

  /** The results row of one action on a page after a decision. */
  private static String result(String actionId, boolean ok, String outcome) {
    return "id=\"result-"
        + actionId
        + "\" class=\""
        + (ok ? "ok" : "refused")
        + "\" data-outcome=\""
        + outcome
        + "\"";
  }

  @Test
  void bulkApproveShowsWhatBecameOfEachAction() {
    String hunter = hunter();
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "bob@corp.example");
    JsonPath first = settled(report(messageId, "alice@corp.example"));
    JsonPath second = settled(report(messageId, "bob@corp.example"));
    String firstDelete = pendingActionId(first, "soft-delete");
    String secondDelete = pendingActionId(second, "soft-delete");
    String rejected =
        Fixtures.addAction(
            second.getString("id"),
            ActionType.BLOCK_DOMAIN,
            EntityType.DOMAIN,
            "paypa1-secure-" + messageId + ".example",
            List.of());
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"not needed\"}")
        .post("/api/v1/actions/" + rejected + "/reject")
        .then()
        .statusCode(200);
    String hardDelete =
        Fixtures.addAction(
            second.getString("id"),
            ActionType.HARD_DELETE,
            EntityType.CLUSTER,
            "cluster:" + messageId,
            List.of());
    asAdmin().post("/api/v1/actions/" + firstDelete + "/approve").then().statusCode(200);
    actionReaches(firstDelete, "executed");
    String manual =
        given()
            .auth()
            .preemptive()
            .basic(hunter, password(hunter))
            .contentType(ContentType.JSON)
            .body("{\"type\":\"manual\",\"messageId\":\"" + messageId + "\"}")
            .post("/api/v1/alerts")
            .then()
            .statusCode(202)
            .extract()
            .path("investigationId");
    settled(manual);
    String ownAction =
        Fixtures.addAction(
            manual, ActionType.MOVE_TO_JUNK, EntityType.MESSAGE, "message:" + messageId, List.of());

    ConsoleSession s = ConsoleSession.signIn(hunter, password(hunter));
    String page = "/ui/investigations/" + second.getString("id");
    s.get(page)
        .then()
        .body(containsString("Target already remediated by <a href=\"/ui/actions/" + firstDelete))
        .body(containsString("Four eyes: 0 of 2 approvals"));
    String token = s.csrfFrom(page);
    String location =
        s.request()
            .formParam("csrf", token)
            .formParam("id", secondDelete, hardDelete, rejected, ownAction, "act-missing")
            .formParam("decision", "approve")
            .formParam("comment", "campaign")
            .formParam("back", page)
            .post("/ui/actions/decide")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(location).contains(page + "?results=");

    String shown = s.get(location).then().statusCode(200).extract().asString();
    assertThat(shown)
        .contains("2 actions decided; 3 refused")
        .contains(result(secondDelete, true, "merged"))
        .contains(result(hardDelete, true, "approval-recorded"))
        .contains("Your approval is recorded (1 of 2)")
        .contains(result(rejected, false, "conflict"))
        .contains("is rejected and cannot be approved")
        .contains(result(ownAction, false, "forbidden"))
        .contains("started investigation " + manual + " by hand")
        .contains(result("act-missing", false, "not-found"))
        .contains("Merged into <a href=\"/ui/actions/" + firstDelete)
        .contains("Four eyes: 1 of 2 approvals (" + hunter + ")")
        // One approval per person: the four-eyes action offers this approver nothing more.
        .doesNotContain("value=\"" + hardDelete + "\"");
    as("approver")
        .get("/ui/investigations/" + second.getString("id"))
        .then()
        .body(containsString("value=\"" + hardDelete + "\""));
    // The results belong to whoever decided.
    as("approver").get(location).then().statusCode(200).body(not(containsString("result-")));

    assertThat(asAdmin().get("/api/v1/actions/" + secondDelete).jsonPath().getString("mergedInto"))
        .isEqualTo(firstDelete);
    assertThat(asAdmin().get("/api/v1/actions/" + ownAction).jsonPath().getString("status"))
        .isEqualTo("pending");
    s.get("/ui/actions/" + secondDelete)
        .then()
        .statusCode(303)
        .header(
            "Location",
            containsString(
                "/ui/investigations/" + second.getString("id") + "#action-" + secondDelete));
  }

  @Test
  void approverUndoesAnExecutedSoftDeleteAndOthersMayNot() {
    JsonPath inv = pendingInvestigation();
    String page = "/ui/investigations/" + inv.getString("id");
    String softDelete = pendingActionId(inv, "soft-delete");
    ConsoleSession approver = as("approver");
    approver.get(page).then().body(not(containsString("form=\"undo-" + softDelete)));
    asAdmin().post("/api/v1/actions/" + softDelete + "/approve").then().statusCode(200);
    actionReaches(softDelete, "executed");

    ConsoleSession analyst = as("analyst");
    analyst.get(page).then().body(not(containsString("Undo")));
    analyst
        .request()
        .formParam("csrf", analyst.csrfFrom(page))
        .post("/ui/actions/" + softDelete + "/undo")
        .then()
        .statusCode(403);
    ConsoleSession auditor = as("auditor");
    auditor
        .request()
        .formParam("csrf", auditor.csrfFrom(page))
        .post("/ui/actions/" + softDelete + "/undo")
        .then()
        .statusCode(403);
    approver.request().post("/ui/actions/" + softDelete + "/undo").then().statusCode(400);
    assertThat(asAdmin().get("/api/v1/actions/" + softDelete).jsonPath().getString("undoneBy"))
        .isNull();

    String token = approver.csrfFrom(page);
    approver.get(page).then().body(containsString("form=\"undo-" + softDelete + "\""));
    String location =
        approver
            .request()
            .formParam("csrf", token)
            .formParam("back", page)
            .post("/ui/actions/" + softDelete + "/undo")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    String undoId = asAdmin().get("/api/v1/actions/" + softDelete).jsonPath().getString("undoneBy");
    assertThat(undoId).isNotNull();
    assertThat(location).contains(page + "?undo=" + undoId);
    JsonPath undo = actionReaches(undoId, "executed");
    assertThat(undo.getString("type")).isEqualTo("move-to-inbox");
    assertThat(undo.getString("decidedBy")).isEqualTo(user("approver"));
    approver
        .get(location)
        .then()
        .body(containsString("Undo requested: action " + undoId))
        .body(containsString("Undone by <a href=\"/ui/actions/" + undoId))
        .body(containsString("Undo of <a href=\"/ui/actions/" + softDelete))
        .body(not(containsString("form=\"undo-")));
    approver
        .request()
        .formParam("csrf", token)
        .post("/ui/actions/" + softDelete + "/undo")
        .then()
        .statusCode(409)
        .body(containsString("undone already"));
  }

  @Test
  void adminChangesTheAutomationLevelsAndTheChangeIsAudited() {
    String original = asAdmin().get("/api/v1/settings/automation").asString();
    ConsoleSession admin = admin();
    admin
        .get("/ui/settings")
        .then()
        .body(containsString("Automation levels"))
        .body(containsString("<option value=\"notify-reporter=automatic\" selected>"));
    String token = admin.csrfFrom("/ui/settings");
    try {
      admin
          .request()
          .formParam("csrf", token)
          .formParam("allManual", "on")
          .formParam("maxClusterSize", "250")
          .formParam("identityActionsAutomatic", "on")
          .formParam("type", "soft-delete=automatic", "hard-delete=manual", "block-sender=")
          .formParam("playbook", "user-reported=manual")
          .post("/ui/settings/automation")
          .then()
          .statusCode(303)
          .header("Location", containsString("/ui/settings?automation=saved"));

      JsonPath policy = asAdmin().get("/api/v1/settings/automation").jsonPath();
      assertThat(policy.getBoolean("allManual")).isTrue();
      assertThat(policy.getInt("maxClusterSize")).isEqualTo(250);
      assertThat(policy.getBoolean("identityActionsAutomatic")).isTrue();
      assertThat(policy.getMap("actionTypes"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("soft-delete", "automatic", "hard-delete", "manual"));
      assertThat(policy.getMap("playbooks"))
          .containsExactlyInAnyOrderEntriesOf(Map.of("user-reported", "manual"));

      List<Map<String, Object>> entries =
          asAdmin()
              .queryParam("event", "settings.automation")
              .queryParam("limit", 10000)
              .get("/api/v1/audit")
              .jsonPath()
              .getList("");
      Map<String, Object> last = entries.get(entries.size() - 1);
      assertThat(last.get("actor")).isEqualTo(ADMIN);
      assertThat((String) last.get("before")).contains("notify-reporter");
      assertThat((String) last.get("after")).contains("\"maxClusterSize\":250");

      admin
          .get("/ui/settings?automation=saved")
          .then()
          .body(containsString("The automation levels were saved"))
          .body(containsString("<option value=\"soft-delete=automatic\" selected>"))
          .body(containsString("<option value=\"user-reported=manual\" selected>"))
          .body(containsString("value=\"250\""));

      admin
          .request()
          .formParam("csrf", token)
          .formParam("maxClusterSize", "lots")
          .post("/ui/settings/automation")
          .then()
          .statusCode(400)
          .body(containsString("must be a whole number"));
      admin
          .request()
          .formParam("csrf", token)
          .formParam("maxClusterSize", "10")
          .formParam("type", "launch-missiles=automatic")
          .post("/ui/settings/automation")
          .then()
          .statusCode(400)
          .body(containsString("unknown key &#39;launch-missiles&#39;"));
      for (String role : List.of("analyst", "auditor")) {
        ConsoleSession other = as(role);
        other
            .request()
            .formParam("csrf", other.csrfFrom("/ui"))
            .formParam("allManual", "")
            .formParam("maxClusterSize", "5")
            .post("/ui/settings/automation")
            .then()
            .statusCode(403);
      }
      assertThat(asAdmin().get("/api/v1/settings/automation").jsonPath().getInt("maxClusterSize"))
          .isEqualTo(250);
    } finally {
      asAdmin()
          .contentType(ContentType.JSON)
          .body(original)
          .put("/api/v1/settings/automation")
          .then()
          .statusCode(200);
    }
  }
}
