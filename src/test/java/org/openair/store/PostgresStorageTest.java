package org.openair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionIds;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openair.domain.Delegation;
import org.openair.support.TestRulesFolder;

/**
 * The core loop against a real PostgreSQL: the same Flyway schema, queue, actions and audit chain
 * as on H2. Skipped unless {@code OPENAIR_TEST_POSTGRES_URL} names a database ({@code .ci/run}
 * starts one); it never falls back to H2.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@QuarkusTestResource(TestRulesFolder.class)
@EnabledIfEnvironmentVariable(
    named = PostgresProfile.URL_VARIABLE,
    matches = "jdbc:postgresql:.+",
    disabledReason = "no PostgreSQL: set OPENAIR_TEST_POSTGRES_URL or run .ci/run")
class PostgresStorageTest {
  @Inject Db db;
  @Inject ActivityStore activity;

  @Test
  void serviceStoresItsDataInPostgresql() {
    String product = db.read(c -> c.getMetaData().getDatabaseProductName());
    assertThat(product).isEqualTo("PostgreSQL");
  }

  @Test
  void reportedPhishIsInvestigatedApprovedAndRemediatedOnPostgresql() {
    String messageId =
        ingest(
            eml("reported-phish.eml"),
            "alice@corp.example",
            "bob@corp.example",
            "carol@corp.example");
    JsonPath inv = settled(report(messageId, "bob@corp.example"));
    assertThat(inv.getString("verdict")).isIn("malicious", "suspicious");
    assertThat(
            inv.getList(
                "actions.findAll { it.type == 'soft-delete' }.deliveries.flatten().mailbox"))
        .hasSize(3);

    String investigationId = inv.getString("id");
    for (String id : pendingActionIds(inv)) {
      asAdmin().post("/api/v1/actions/" + id + "/approve").then().statusCode(200);
    }
    Awaitility.await()
        .until(
            () ->
                asAdmin()
                    .get("/api/v1/investigations/" + investigationId)
                    .jsonPath()
                    .getString("status"),
            "remediated"::equals);
    asAdmin().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
  }

  @Test
  void brokenMimeIsStoredInPostgresql() {
    // PostgreSQL refuses NUL in text columns, where H2 does not: the parser must strip them.
    assertThat(ingest(eml("broken-mime.eml"), "bob@corp.example")).startsWith("msg-");
  }

  @Test
  void linkedPicturesOfAMessageAreKeptInPostgresql() {
    String id = ingest(eml("linked-picture.eml"), "bob@corp.example");

    JsonPath message = asAdmin().get("/api/v1/messages/" + id).jsonPath();
    assertThat(message.getInt("message.linkedImages")).isEqualTo(3);
    assertThat(message.getList("message.linkedImageDomains", String.class))
        .containsExactly("offers-hub.net", "brand-shop.com");
  }

  @Test
  void delegationsAreSyncedKeptAndForgottenInPostgresql() throws Exception {
    String box = "pg-" + Ids.next("x").substring(2, 10) + "@corp.example";
    Instant first = Instant.parse("2025-03-01T10:00:00Z");
    Delegation read = new Delegation(null, box, "bob@corp.example", "lr", "INBOX", false, null);
    Delegation pushed =
        activity.saveDelegation(
            new Delegation(null, box, "x@drop.example", "lrs", "Sent", true, null), null, first);

    String id =
        activity.syncDelegations(box, List.of(read), first).stream()
            .filter(d -> d.getDelegate().equals("bob@corp.example"))
            .findFirst()
            .orElseThrow()
            .getId();
    List<Delegation> again = activity.syncDelegations(box, List.of(read), first.plusSeconds(3600));

    assertThat(again).extracting(Delegation::getId).containsExactlyInAnyOrder(id, pushed.getId());
    assertThat(activity.delegation(id).orElseThrow().getGrantedAt()).isEqualTo(first);
    db.inTransaction(
        c -> {
          activity.deleteDelegation(c, id);
          return null;
        });
    assertThat(activity.delegations(box))
        .extracting(Delegation::getId)
        .containsExactly(pushed.getId());
  }
}
