package org.openair.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.audit.AuditEntry;

/** The small pieces of the console that need no server: rule anchors, CSV, ages, redirects. */
class ConsolePiecesTest {

  @Test
  void ruleTextGetsAnAnchorOnTheLineWhereEachRuleWithAnIdStarts() {
    List<RulePages.Line> lines =
        RulePages.lines(
            """
            package rules.x

            // Intent: one
            rule "First"
              @id("OA-X-001") @playbook("all")
            when
            then
            end

            rule "No id"
            when
            then
            end
            """);

    assertThat(lines.get(3).anchor()).isEqualTo("rule-OA-X-001");
    assertThat(lines.get(3).number()).isEqualTo(4);
    assertThat(lines.stream().filter(l -> l.anchor() != null)).hasSize(1);
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndDisarmsFormulas() {
    assertThat(AuditPages.csv("plain")).isEqualTo("plain");
    assertThat(AuditPages.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditPages.csv("{\"status\":\"x\"}")).isEqualTo("\"{\"\"status\"\":\"\"x\"\"}\"");
    assertThat(AuditPages.csv("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
    assertThat(AuditPages.csv(null)).isEmpty();
    AuditEntry e =
        new AuditEntry(
            7,
            Instant.parse("2026-11-27T06:00:00Z"),
            "bob",
            "action.approved",
            "action",
            "act-1",
            null,
            "{\"status\":\"approved\"}",
            "0".repeat(64),
            "f".repeat(64));
    assertThat(AuditPages.csvLine(e))
        .startsWith("7,2026-11-27T06:00:00Z,bob,action.approved,action,act-1,,\"{")
        .endsWith("f".repeat(64) + "\n");
  }

  @Test
  void agesReadAsAPersonSaysThem() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    assertThat(Console.age(now.minusSeconds(20), now)).isEqualTo("just now");
    assertThat(Console.age(now.minusSeconds(5 * 60), now)).isEqualTo("5 min");
    assertThat(Console.age(now.minusSeconds(3 * 3600 + 12 * 60), now)).isEqualTo("3 h 12 min");
    assertThat(Console.age(now.minusSeconds(2 * 86400 + 3600), now)).isEqualTo("2 d 1 h");
  }

  @Test
  void redirectsStayOnTheConsole() {
    assertThat(Console.seeOther("/ui/investigations/inv-1?decided=1").getLocation().toString())
        .isEqualTo("/ui/investigations/inv-1?decided=1");
    for (String bad : List.of("//evil.example/ui", "https://evil.example", "/uix", "/ui\\@x")) {
      assertThat(Console.seeOther(bad).getLocation().toString()).as(bad).isEqualTo("/ui");
    }
  }

  @Test
  void mailboxSummaryNamesAtMostThree() {
    assertThat(
            InvestigationPages.mailboxSummary(
                new java.util.LinkedHashSet<>(List.of("a@x", "b@x", "c@x", "d@x"))))
        .isEqualTo("4 mailboxes: a@x, b@x, c@x, …");
    assertThat(InvestigationPages.mailboxSummary(new java.util.LinkedHashSet<>(List.of("a@x"))))
        .isEqualTo("1 mailbox: a@x");
  }

  @Test
  void resultParameterGoesBeforeTheFragmentOfTheFormsPage() {
    assertThat(ActionPages.withParam(null, "results", "k")).isEqualTo("/ui/actions?results=k");
    assertThat(ActionPages.withParam("/ui/actions?view=history", "undo", "act-1"))
        .isEqualTo("/ui/actions?view=history&undo=act-1");
    assertThat(ActionPages.withParam("/ui/investigations/inv-1#actions", "results", "a b"))
        .isEqualTo("/ui/investigations/inv-1?results=a+b#actions");
  }
}
