package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openair.support.Api.as;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.settled;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;
import org.junit.jupiter.api.Test;
import org.openair.support.MailLab;
import org.openair.support.TestRulesFolder;

/**
 * Delegations reported over the API, the investigation that weighs them, and, with the mail lab,
 * one read from Dovecot's ACLs and removed there once approved.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class DelegationApiTest {

  private static String uniqueMailbox() {
    return "pushed-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
  }

  private static JsonPath report(String mailbox, String body) {
    return as(user("analyst"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/mailboxes/" + mailbox + "/delegations")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static String suspiciousSending(String mailbox) {
    return asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"type\":\"suspicious-sending\",\"user\":\"" + mailbox + "\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(202)
        .extract()
        .path("investigationId");
  }

  @Test
  void shouldStoreAReportedDelegationAndKeepItsIdAndTimeWhenReportedAgain() {
    String mailbox = uniqueMailbox();

    JsonPath first = report(mailbox, "{\"delegate\":\"Mallory@Drop.example\",\"rights\":\"rsl\"}");
    assertThat(first.getString("id")).startsWith("dlg-");
    assertThat(first.getString("mailbox")).isEqualTo(mailbox);
    assertThat(first.getString("delegate")).isEqualTo("mallory@drop.example");
    assertThat(first.getString("rights")).isEqualTo("lrs");
    assertThat(first.getString("folder")).isEqualTo("INBOX");
    assertThat(first.getBoolean("external")).isTrue();
    JsonPath colleague =
        report(
            mailbox,
            "{\"delegate\":\"carol@corp.example\",\"rights\":\"lr\",\"folder\":\"Sent\","
                + "\"grantedAt\":\"2025-01-02T03:04:05Z\"}");
    assertThat(colleague.getBoolean("external")).isFalse();
    assertThat(colleague.getString("grantedAt")).isEqualTo("2025-01-02T03:04:05Z");

    JsonPath again = report(mailbox, "{\"delegate\":\"mallory@drop.example\",\"rights\":\"lrs\"}");
    assertThat(again.getString("id")).isEqualTo(first.getString("id"));
    assertThat(again.getString("grantedAt")).isEqualTo(first.getString("grantedAt"));

    List<Map<String, Object>> listed =
        as(user("viewer"))
            .get("/api/v1/mailboxes/" + mailbox + "/delegations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(listed)
        .extracting(m -> m.get("delegate"))
        .containsExactly("carol@corp.example", "mallory@drop.example");
  }

  @Test
  void shouldRefuseAReportThatCannotBeADelegationNamingTheField() {
    String mailbox = uniqueMailbox();
    List<String[]> wrong = new ArrayList<>();
    wrong.add(
        new String[] {mailbox, "{\"delegate\":\"x@drop.example\",\"rights\":\"lrz\"}", "rights"});
    wrong.add(new String[] {mailbox, "{\"delegate\":\"x@drop.example\"}", "rights"});
    wrong.add(new String[] {mailbox, "{\"rights\":\"lr\"}", "delegate"});
    wrong.add(
        new String[] {mailbox, "{\"delegate\":\"" + mailbox + "\",\"rights\":\"lr\"}", "delegate"});
    wrong.add(
        new String[] {"nobody", "{\"delegate\":\"x@drop.example\",\"rights\":\"lr\"}", "mailbox"});
    wrong.add(
        new String[] {
          mailbox,
          "{\"delegate\":\"x@drop.example\",\"rights\":\"lr\",\"grantedAt\":\"2999-01-01T00:00:00Z\"}",
          "grantedAt"
        });
    for (String[] w : wrong) {
      asAdmin()
          .contentType(ContentType.JSON)
          .body(w[1])
          .post("/api/v1/mailboxes/" + w[0] + "/delegations")
          .then()
          .statusCode(400)
          .body("field", equalTo(w[2]));
    }
    asAdmin()
        .get("/api/v1/mailboxes/" + mailbox + "/delegations")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  @Test
  void shouldRecommendRemovingAReportedOutsideDelegationWhenTheMailboxSendsOddly() {
    String mailbox = uniqueMailbox();
    String delegation =
        report(mailbox, "{\"delegate\":\"mallory@drop.example\",\"rights\":\"lrswipkxtea\"}")
            .getString("id");

    JsonPath inv = settled(suspiciousSending(mailbox));

    assertThat(inv.getString("verdict")).isEqualTo("suspicious");
    assertThat(inv.getList("result.findings.provenance.ruleId", String.class))
        .contains("OA-MBX-014");
    Map<String, Object> removal = inv.getMap("actions.find { it.type == 'remove-delegation' }");
    assertThat(removal).as(inv.prettify()).isNotNull();
    assertThat(removal.get("target")).isEqualTo(delegation);
    assertThat(removal.get("ruleId")).isEqualTo("OA-CU-036");
    assertThat((String) removal.get("explanation"))
        .contains("mallory@drop.example")
        .contains(mailbox);
  }

  @Test
  void shouldRemoveAnOwnersNewOutsideDelegationOnTheMailServerOnceApproved() throws Exception {
    assumeTrue(MailLab.running(), MailLab.NOT_RUNNING);
    String outsider = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@evil.example";
    try (Store store = MailLab.imap("bob")) {
      ((IMAPFolder) store.getFolder("INBOX")).addACL(new ACL(outsider, new Rights("lrswipkxtea")));
    }

    JsonPath inv = settled(suspiciousSending("bob@corp.example"));

    Map<String, Object> removal =
        inv.getMap(
            "actions.find { it.type == 'remove-delegation' && it.explanation.contains('"
                + outsider
                + "') }");
    assertThat(removal).as(inv.prettify()).isNotNull();
    String actionId = (String) removal.get("id");
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"end-to-end\"}")
        .post("/api/v1/actions/" + actionId + "/approve")
        .then()
        .statusCode(200);
    JsonPath done =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> asAdmin().get("/api/v1/actions/" + actionId).jsonPath(),
                j -> List.of("executed", "failed").contains(j.getString("status")));
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("executed");
    assertThat(done.getString("executionNote"))
        .contains("imap-acl: bob@corp.example folder INBOX: removed the rights of " + outsider);
    assertThat(aclNames("bob", "INBOX")).doesNotContain(outsider);
    asAdmin()
        .get("/api/v1/mailboxes/bob@corp.example/delegations")
        .then()
        .statusCode(200)
        .body("findAll { it.delegate == '" + outsider + "' }.size()", equalTo(0));
  }

  private static List<String> aclNames(String user, String folder) throws MessagingException {
    try (Store store = MailLab.imap(user)) {
      List<String> names = new ArrayList<>();
      for (ACL a : ((IMAPFolder) store.getFolder(folder)).getACL()) {
        names.add(a.getName());
      }
      return names;
    }
  }
}
