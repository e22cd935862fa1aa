package org.openair.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.TestActions.approved;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openair.action.connector.Blocklists;
import org.openair.action.connector.ConnectorResult;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.support.Api;
import org.openair.support.TestRulesFolder;

/** Block lists: what a block action adds, in the files and in the HTTP feed, and its undo. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class BlocklistFeedTest {
  @Inject Blocklists blocklists;

  private static String feed(String kind, String format) {
    return asAdmin()
        .queryParam("format", format)
        .get("/api/v1/blocklists/" + kind)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void shouldListABlockedDomainInEveryFormatAndDropItOnUndo() throws Exception {
    String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    var action =
        approved(ActionType.BLOCK_DOMAIN, EntityType.DOMAIN, domain.toUpperCase(), List.of());

    assertThat(blocklists.execute(action).outcome()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(blocklists.execute(action).outcome())
        .isEqualTo(ConnectorResult.Outcome.ALREADY_DONE);

    assertThat(feed("domain", "plain")).contains(domain + "\n");
    assertThat(feed("domain", "postfix")).contains(domain + " REJECT");
    assertThat(feed("domain", "rspamd")).contains(domain + "\n");
    assertThat(Files.readString(Path.of("target/test-blocklists/postfix-sender-access")))
        .contains(domain + " REJECT");
    assertThat(Files.readString(Path.of("target/test-blocklists/rspamd-domain.map")))
        .contains(domain);

    assertThat(blocklists.undo(action).outcome()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(feed("domain", "plain")).doesNotContain(domain);
    assertThat(Files.readString(Path.of("target/test-blocklists/rspamd-domain.map")))
        .doesNotContain(domain);
  }

  @Test
  void shouldFailAnActionWhoseTargetIsNotAHash() {
    ConnectorResult r =
        blocklists.execute(
            approved(ActionType.BLOCK_FILE, EntityType.FILE, "not-a-hash", List.of()));
    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.PERMANENT_FAILURE);
    assertThat(r.note()).contains("not a valid file-hash");
  }

  @Test
  void shouldAnswerBadRequestForAnUnknownListOrFormat() {
    asAdmin().get("/api/v1/blocklists/people").then().statusCode(400);
    asAdmin().queryParam("format", "csv").get("/api/v1/blocklists/url").then().statusCode(400);
    asAdmin().queryParam("format", "postfix").get("/api/v1/blocklists/url").then().statusCode(400);
  }

  @Test
  void shouldNotServeTheFeedWithoutCredentials() {
    given().get("/api/v1/blocklists/sender").then().statusCode(401);
  }

  @Test
  void shouldServeTheFeedToAViewer() {
    Api.as(Api.user("viewer")).get("/api/v1/blocklists/url").then().statusCode(200);
  }
}
