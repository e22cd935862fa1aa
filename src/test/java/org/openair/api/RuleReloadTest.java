package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.openair.support.Api.as;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/** Reloading rules: broken files are refused with file and line, and the old set keeps serving. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class RuleReloadTest {

  @Test
  void ruleFileWithASyntaxErrorIsRefusedWithFileAndLineAndOldRulesKeepServing() throws IOException {
    String serving = asAdmin().get("/api/v1/rules").jsonPath().getString("id");
    Path broken = TestRulesFolder.folder().resolve("zz_broken.drl");
    Files.writeString(
        broken,
        """
        package rules.broken

        rule "unterminated"
            @id("OA-TEST-BROKEN") @playbook("all") @severity("low")
        when
            Message( subject == "x"
        then
        end
        """);
    try {
      asAdmin()
          .post("/api/v1/rules/reload")
          .then()
          .statusCode(422)
          .body("accepted", equalTo(false))
          .body("servingRuleSetId", equalTo(serving))
          .body("errors.file", hasItem("zz_broken.drl"))
          .body("errors[0].line", org.hamcrest.Matchers.greaterThan(0));

      asAdmin().get("/api/v1/rules").then().body("id", equalTo(serving));
      String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
      JsonPath inv = settled(report(messageId, "bob@corp.example"));
      assertThat(inv.getString("ruleSetId")).isEqualTo(serving);
      assertThat(inv.getString("verdict")).isIn("malicious", "suspicious");
    } finally {
      Files.delete(broken);
    }
    asAdmin().post("/api/v1/rules/reload").then().statusCode(200).body("accepted", equalTo(true));
  }

  @Test
  void acceptedReloadOfAChangedFileGivesANewRuleSetAndKeepsTheOldText() throws IOException {
    String before = asAdmin().get("/api/v1/rules").jsonPath().getString("id");
    Path extra = TestRulesFolder.folder().resolve("zz_extra.drl");
    Files.writeString(
        extra,
        """
        package rules.extra

        import org.openair.domain.Alert;

        // Intent: a harmless rule that only proves a reload took effect.
        rule "Extra rule for the reload test"
            @id("OA-TEST-EXTRA") @playbook("all") @severity("info")
        when
            Alert( reportedBy == "nobody@corp.example" )
        then
        end
        """);
    String after;
    try {
      after =
          asAdmin().post("/api/v1/rules/reload").then().statusCode(200).extract().path("ruleSetId");
      assertThat(after).isNotEqualTo(before);
      asAdmin()
          .get("/api/v1/rules")
          .then()
          .body("rules.id", hasItem("OA-TEST-EXTRA"))
          .body("history[0].ruleSetId", equalTo(after));
      as(user("auditor"))
          .get("/api/v1/rules/sets/" + after + "/files/zz_extra.drl")
          .then()
          .statusCode(200)
          .body(containsString("OA-TEST-EXTRA"));
    } finally {
      Files.delete(extra);
    }
    asAdmin().post("/api/v1/rules/reload").then().statusCode(200);
    as(user("auditor"))
        .get("/api/v1/rules/sets/" + after + "/files/zz_extra.drl")
        .then()
        .statusCode(200)
        .body(containsString("OA-TEST-EXTRA"));
  }

  @Test
  void ruleFileThatCallsSystemExitIsRefusedByTheLint() throws IOException {
    Path evil = TestRulesFolder.folder().resolve("zz_evil.drl");
    Files.writeString(
        evil,
        """
        package rules.evil

        import org.openair.domain.Alert;

        rule "Stops the service"
            @id("OA-TEST-EVIL") @playbook("all") @severity("low")
        when
            Alert()
        then
            System.exit(1);
        end
        """);
    try {
      asAdmin()
          .post("/api/v1/rules/reload")
          .then()
          .statusCode(422)
          .body("errors.file", hasItem("zz_evil.drl"))
          .body("errors.message", hasItem(containsString("System")));
    } finally {
      Files.delete(evil);
    }
  }
}
