package org.openair.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openair.support.Api.asAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.audit.AuditEntry;
import org.openair.audit.AuditLog;
import org.openair.support.TestRulesFolder;

/** The audit log exported as JSON Lines and CSV, with filters. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class AuditExportTest {
  @Inject AuditLog audit;
  @Inject ObjectMapper json;

  @Test
  void jsonLinesHasOneEntryPerLineMatchingTheFilter() throws Exception {
    AuditEntry entry =
        audit.record("exporter", "test.export", "test-export", "x-1", null, Map.of("k", "v"));

    String body =
        asAdmin()
            .queryParam("format", "jsonl")
            .queryParam("entityType", "test-export")
            .queryParam("after", entry.seq() - 1)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .contentType("application/x-ndjson")
            .extract()
            .asString();

    List<String> lines = Arrays.stream(body.split("\n")).filter(l -> !l.isEmpty()).toList();
    assertThat(lines).hasSize(1);
    JsonNode line = json.readTree(lines.get(0));
    assertThat(line.get("seq").asLong()).isEqualTo(entry.seq());
    assertThat(line.get("hash").asText()).isEqualTo(entry.hash());
  }

  @Test
  void csvQuotesFieldsWithCommasAndQuotes() {
    AuditEntry entry =
        audit.record(
            "exporter", "test.csv", "test-csv", "x-2", null, Map.of("note", "a, \"b\"\nc"));

    String body =
        asAdmin()
            .queryParam("format", "csv")
            .queryParam("entityId", "x-2")
            .queryParam("after", entry.seq() - 1)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
            .extract()
            .asString();

    assertThat(body)
        .startsWith("seq,at,actor,event,entityType,entityId,before,after,prevHash,hash\r\n")
        .contains(entry.seq() + ",")
        .contains(",exporter,test.csv,test-csv,x-2,,")
        .contains("\"{\"\"note\"\":\"\"a, \\\"\"b\\\"\"\\nc\"\"}\"")
        .endsWith(entry.hash() + "\r\n");
  }

  @Test
  void unknownFormatGets400NamingTheField() {
    asAdmin()
        .queryParam("format", "xml")
        .get("/api/v1/audit")
        .then()
        .statusCode(400)
        .body("field", equalTo("format"));
  }

  @Test
  void untilAndSinceBoundTheEntries() {
    String entityId = "x-" + java.util.UUID.randomUUID();
    AuditEntry entry = audit.record("exporter", "test.window", "test-window", entityId, null, null);

    assertThat(
            asAdmin()
                .queryParam("entityId", entityId)
                .queryParam("until", entry.at().toString())
                .get("/api/v1/audit")
                .jsonPath()
                .getList("seq"))
        .isEmpty();
    assertThat(
            asAdmin()
                .queryParam("entityId", entityId)
                .queryParam("since", entry.at().toString())
                .get("/api/v1/audit")
                .jsonPath()
                .getList("seq", Long.class))
        .containsExactly(entry.seq());
  }
}
