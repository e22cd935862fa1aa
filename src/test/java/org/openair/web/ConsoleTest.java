package org.openair.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openair.support.Api.ADMIN;
import static org.openair.support.Api.ADMIN_PASSWORD;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionIds;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.config.SessionKeySource;
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
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "dave@corp.example");
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
    s.get("/ui/investigations?sender=paypa1-secure&mailbox=dave@corp.example")
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
}
