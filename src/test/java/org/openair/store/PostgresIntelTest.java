package org.openair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.settled;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openair.support.TestRulesFolder;

/** Threat-intelligence storage and retro-hunt queries on a real PostgreSQL (see .ci/run). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@QuarkusTestResource(TestRulesFolder.class)
@EnabledIfEnvironmentVariable(
    named = PostgresProfile.URL_VARIABLE,
    matches = "jdbc:postgresql:.+",
    disabledReason = "no PostgreSQL: set OPENAIR_TEST_POSTGRES_URL or run .ci/run")
class PostgresIntelTest {

  @Test
  void indicatorsAreStoredAndRetroHuntedOnPostgresql() {
    String raw = new String(eml("intel-link.eml"), StandardCharsets.ISO_8859_1);
    String m1 = ingest(raw.getBytes(StandardCharsets.ISO_8859_1), "alice@corp.example");
    String m2 =
        ingest(
            raw.replace("Message-ID: <", "Message-ID: <copy-")
                .getBytes(StandardCharsets.ISO_8859_1),
            "bob@corp.example",
            "carol@corp.example");
    String url = asAdmin().get("/api/v1/messages/" + m1).jsonPath().getString("links[0].url");
    String host = java.net.URI.create(url).getHost();
    String source = "pg-cert-" + host.substring(5, 13);

    JsonPath answer =
        asAdmin()
            .contentType(ContentType.JSON)
            .body(
                "[{\"type\":\"domain\",\"value\":\""
                    + host
                    + "\",\"source\":\""
                    + source
                    + "\",\"confidence\":90},"
                    + "{\"type\":\"md5\",\"value\":\"nope\",\"source\":\""
                    + source
                    + "\"}]")
            .post("/api/v1/intel/indicators")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(answer.getInt("accepted")).isEqualTo(1);
    assertThat(answer.getInt("refused")).isEqualTo(1);

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
    assertThat(hunts)
        .singleElement()
        .satisfies(h -> assertThat(h.get("deliveryCount")).isEqualTo(3));
    JsonPath inv = settled((String) hunts.get(0).get("investigationId"));
    assertThat(
            inv.getList(
                "result.entities.findAll { it.type == 'message' && it.verdict == 'malicious' }.id",
                String.class))
        .containsExactlyInAnyOrder(m1, m2);
    assertThat(asAdmin().get("/api/v1/intel/sources/" + source).jsonPath().getInt("indicatorCount"))
        .isEqualTo(1);
  }
}
