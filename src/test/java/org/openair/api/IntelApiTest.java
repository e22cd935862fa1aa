package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/** Threat intelligence over HTTP: sources, bulk indicators, lookups, verdicts and retro-hunts. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class IntelApiTest {

  private static String indicators(String json) {
    return asAdmin()
        .contentType(ContentType.JSON)
        .body(json)
        .post("/api/v1/intel/indicators")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static String firstLink(String messageId) {
    return asAdmin().get("/api/v1/messages/" + messageId).jsonPath().getString("links[0].url");
  }

  private static String hostOf(String url) {
    return java.net.URI.create(url).getHost();
  }

  @Test
  void reportedMessageWhoseLinkIsOnAFeedIsMaliciousWithTheSourceInTheExplanation() {
    String messageId = ingest(eml("intel-link.eml"), "alice@corp.example");
    String url = firstLink(messageId);
    // Another spelling of the same URL: the index normalises both sides.
    String spelled = url.replace("https://", "HTTPS://").replace("/view", ":443/view");
    indicators(
        "[{\"type\":\"url\",\"value\":\""
            + spelled
            + "\",\"source\":\"test-openphish\",\"verdict\":\"malicious\",\"confidence\":90}]");

    JsonPath inv = settled(report(messageId, "alice@corp.example"));

    assertThat(inv.getString("verdict")).isEqualTo("malicious");
    assertThat(inv.getString("result.verdictExplanation"))
        .contains("test-openphish")
        .contains("90");
    assertThat(inv.getList("result.findings.provenance.ruleId", String.class))
        .contains("OA-INTEL-001");
  }

  @Test
  void reportedMessageWithoutAnyIndicatorStaysClean() {
    String messageId = ingest(eml("intel-link.eml"), "bob@corp.example");
    JsonPath inv = settled(report(messageId, "bob@corp.example"));
    assertThat(inv.getString("verdict")).isNotEqualTo("malicious");
    assertThat(inv.getList("result.findings.provenance.ruleId", String.class))
        .noneMatch(id -> id.startsWith("OA-INTEL"));
  }

  @Test
  void indicatorArrivingAfterDeliveryOpensOneInvestigationCoveringEveryCopy() {
    String raw = new String(eml("intel-link.eml"), StandardCharsets.ISO_8859_1);
    String m1 = ingest(copy(raw, 1), "alice@corp.example", "bob@corp.example");
    String m2 = ingest(copy(raw, 2), "carol@corp.example");
    String m3 = ingest(copy(raw, 3), "dave@corp.example");
    String host = hostOf(firstLink(m1));

    String answer =
        indicators(
            "[{\"type\":\"domain\",\"value\":\""
                + host
                + "\",\"source\":\"test-cert\",\"verdict\":\"malicious\",\"confidence\":85}]");
    assertThat(JsonPath.from(answer).getInt("accepted")).isEqualTo(1);

    List<Map<String, Object>> hunts =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    asAdmin()
                        .get("/api/v1/intel/hunts")
                        .jsonPath()
                        .<Map<String, Object>>getList(
                            "findAll { it.indicatorValue == '" + host + "' }"),
                l -> !l.isEmpty());
    assertThat(hunts).hasSize(1);
    Map<String, Object> hunt = hunts.get(0);
    assertThat(hunt.get("alertType")).isEqualTo("phish-zap");
    assertThat(hunt.get("messageCount")).isEqualTo(3);
    assertThat(hunt.get("deliveryCount")).isEqualTo(4);
    assertThat((List<?>) hunt.get("messageIds")).hasSize(3);

    JsonPath inv = settled((String) hunt.get("investigationId"));
    assertThat(inv.getString("playbook")).isEqualTo("phish-zap");
    // The lookup brought in the 3 copies, their 3 links and their 4 deliveries.
    assertThat(
            inv.getList("result.lookups.findAll { it.kind == 'intel_match' }.found", Integer.class))
        .containsExactly(10);
    List<String> maliciousMessages =
        inv.getList(
            "result.entities.findAll { it.type == 'message' && it.verdict == 'malicious' }.id",
            String.class);
    assertThat(maliciousMessages).containsExactlyInAnyOrder(m1, m2, m3);
  }

  private static byte[] copy(String raw, int n) {
    return raw.replace("Message-ID: <", "Message-ID: <copy" + n + "-")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void bulkAdditionAnswersCountsAndReasons() {
    String json =
        "["
            + "{\"type\":\"ip\",\"value\":\"192.0.2.201\",\"source\":\"test-bulk\",\"verdict\":\"suspicious\",\"confidence\":60},"
            + "{\"type\":\"sha256\",\"value\":\"xyz\",\"source\":\"test-bulk\"},"
            + "{\"type\":\"bogus\",\"value\":\"a.example\",\"source\":\"test-bulk\"},"
            + "{\"type\":\"domain\",\"value\":\"a.example\"},"
            + "{\"type\":\"domain\",\"value\":\"a.example\",\"source\":\"test-bulk\",\"confidence\":101}"
            + "]";
    JsonPath answer = JsonPath.from(indicators(json));
    assertThat(answer.getInt("accepted")).isEqualTo(1);
    assertThat(answer.getInt("refused")).isEqualTo(4);
    assertThat(answer.getList("refusals.reason", String.class))
        .anyMatch(r -> r.contains("64 hex digits"))
        .anyMatch(r -> r.contains("unknown type 'bogus'"))
        .anyMatch(r -> r.contains("'source' is required"))
        .anyMatch(r -> r.contains("0 to 100"));
    assertThat(answer.getList("refusals.index", Integer.class)).containsExactly(1, 2, 3, 4);

    as(user("viewer"))
        .queryParam("value", "192.0.2.201")
        .get("/api/v1/intel/lookup")
        .then()
        .statusCode(200)
        .body("matches[0].source", equalTo("test-bulk"))
        .body("matches[0].verdict", equalTo("suspicious"))
        .body("matches[0].reason", equalTo("the address is 192.0.2.201"));
  }

  @Test
  void lookupExplainsSubdomainMatches() {
    indicators(
        "[{\"type\":\"domain\",\"value\":\"lookup-parent.example\",\"source\":\"test-lookup\"}]");
    asAdmin()
        .queryParam("value", "https://a.b.lookup-parent.example/x")
        .get("/api/v1/intel/lookup")
        .then()
        .statusCode(200)
        .body(
            "matches[0].reason",
            equalTo("a.b.lookup-parent.example is a subdomain of lookup-parent.example"));
    asAdmin().get("/api/v1/intel/lookup").then().statusCode(400);
  }

  @Test
  void shouldNotAddIndicatorsWhenViewerNorManageSourcesWhenAnalyst() {
    as(user("viewer"))
        .contentType(ContentType.JSON)
        .body("[]")
        .post("/api/v1/intel/indicators")
        .then()
        .statusCode(403);
    as(user("analyst"))
        .contentType(ContentType.JSON)
        .body("[{\"value\":\"analyst-added.example\",\"source\":\"test-analyst\"}]")
        .post("/api/v1/intel/indicators")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1));
    as(user("analyst"))
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"kind\":\"list\",\"path\":\"/tmp/x\"}")
        .post("/api/v1/intel/sources")
        .then()
        .statusCode(403);
    io.restassured.RestAssured.given().get("/api/v1/intel/sources").then().statusCode(401);
  }

  @Test
  void malformedFeedsAreReportedPerSourceAndDoNotStopTheOthers() throws IOException {
    Path dir = Files.createTempDirectory(Path.of("target"), "intel-feeds-");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Path badJson =
        Files.writeString(dir.resolve("bad.json"), "{\"type\": \"bundle\", \"objects\": [");
    Path stix =
        Files.writeString(
            dir.resolve("stix.json"),
            "{\"type\":\"bundle\",\"objects\":["
                + "{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":\"[process:name = 'x.exe']\"},"
                + "{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":\"[domain-name:value = 'stix-"
                + tag
                + ".example']\"}]}");
    Path list =
        Files.writeString(
            dir.resolve("list.txt"), "# test\nlist-" + tag + ".example\n198.18.0.0/15\n");
    source("test-bad-json-" + tag, "stix", "\"path\":\"" + badJson.toAbsolutePath() + "\"");
    source("test-patterns-" + tag, "stix", "\"path\":\"" + stix.toAbsolutePath() + "\"");
    source("test-unreachable-" + tag, "stix", "\"url\":\"http://127.0.0.1:9/feed.json\"");
    source("test-list-" + tag, "list", "\"path\":\"" + list.toAbsolutePath() + "\"");
    source(
        "test-misp-" + tag,
        "misp",
        "\"path\":\""
            + Path.of("src/test/resources/intel/misp-feed/manifest.json").toAbsolutePath()
            + "\"");

    Map<String, Map<String, Object>> byName =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  List<Map<String, Object>> all =
                      asAdmin().get("/api/v1/intel/sources").jsonPath().getList("");
                  Map<String, Map<String, Object>> m = new java.util.HashMap<>();
                  all.stream()
                      .filter(s -> ((String) s.get("name")).endsWith(tag))
                      .filter(s -> s.get("lastAttemptAt") != null)
                      .forEach(s -> m.put(((String) s.get("name")).replace("-" + tag, ""), s));
                  return m;
                },
                m -> m.size() == 5);

    assertThat((String) byName.get("test-bad-json").get("lastError")).startsWith("bad JSON");
    assertThat((String) byName.get("test-unreachable").get("lastError"))
        .contains("could not reach");
    assertThat(byName.get("test-patterns").get("lastError")).isNull();
    assertThat(byName.get("test-patterns").get("indicatorCount")).isEqualTo(1);
    assertThat(byName.get("test-patterns").get("skippedCount")).isEqualTo(1);
    assertThat((List<?>) byName.get("test-patterns").get("problems"))
        .anySatisfy(p -> assertThat((String) p).contains("object path process:name"));
    assertThat(byName.get("test-list").get("indicatorCount")).isEqualTo(2);
    assertThat(byName.get("test-misp").get("indicatorCount")).isEqualTo(6);
    assertThat((List<?>) byName.get("test-misp").get("problems"))
        .anySatisfy(p -> assertThat((String) p).contains("no such file"));

    asAdmin()
        .queryParam("value", "198.19.1.1")
        .get("/api/v1/intel/lookup")
        .then()
        .body("matches.source", org.hamcrest.Matchers.hasItem("test-list-" + tag));

    asAdmin().post("/api/v1/intel/sources/test-list-" + tag + "/disable").then().statusCode(200);
    asAdmin()
        .queryParam("value", "list-" + tag + ".example")
        .get("/api/v1/intel/lookup")
        .then()
        .body("matches", org.hamcrest.Matchers.empty());
    asAdmin().delete("/api/v1/intel/sources/test-patterns-" + tag).then().statusCode(204);
    asAdmin().get("/api/v1/intel/sources/test-patterns-" + tag).then().statusCode(404);
    asAdmin()
        .queryParam("value", "stix-" + tag + ".example")
        .get("/api/v1/intel/lookup")
        .then()
        .body("matches", org.hamcrest.Matchers.empty());
  }

  @Test
  void sourceDefinitionsAreValidated() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"kind\":\"taxii\",\"path\":\"/tmp/x\"}")
        .post("/api/v1/intel/sources")
        .then()
        .statusCode(400)
        .body("field", equalTo("kind"));
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"kind\":\"csv\",\"url\":\"https://feeds.example/a.csv\"}")
        .post("/api/v1/intel/sources")
        .then()
        .statusCode(400)
        .body("field", equalTo("mapping"));
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"kind\":\"stix\",\"url\":\"ftp://feeds.example/a.json\"}")
        .post("/api/v1/intel/sources")
        .then()
        .statusCode(400)
        .body("field", equalTo("url"));
  }

  private static void source(String name, String kind, String location) {
    asAdmin()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\""
                + name
                + "\",\"kind\":\""
                + kind
                + "\","
                + location
                + ",\"refreshInterval\":\"1h\"}")
        .post("/api/v1/intel/sources")
        .then()
        .statusCode(201);
  }
}
