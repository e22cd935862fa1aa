package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.engine.RuleFiles.file;
import static org.openair.engine.RuleFiles.rule;
import static org.openair.engine.RuleFiles.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openair.domain.ActionType;
import org.openair.domain.ClusterMember;
import org.openair.domain.Investigation;
import org.openair.domain.LookupKind;
import org.openair.domain.LookupRequest;
import org.openair.domain.Verdict;

/** The investigator's mechanics, with small test rule files rather than the real playbooks. */
class InvestigatorTest {
  @TempDir Path dir;

  private RuleSet compile(String... rules) throws RuleCompilationException {
    write(dir, "test_rules.drl", file(rules));
    return new RuleCompiler().compile(dir);
  }

  private static InvestigationInput input() {
    return Fixtures.input(Fixtures.reported("m1", "alice@acme.example"), Fixtures.benign("m1"));
  }

  @Test
  void endlessLookupsStopAtTheRoundBudgetWithAWarning() throws Exception {
    RuleSet rules =
        compile(
            rule(
                "T-1",
                "always ask about the newest member",
                "  ClusterMember($m : messageId)\n",
                "  insert(LookupRequest.lastDays(LookupKind.SIMILAR_MESSAGES, $m, 7));\n"));
    AtomicInteger calls = new AtomicInteger();
    FactSource endless =
        (request, inv) ->
            List.of(
                new ClusterMember(
                    request.getKey() + "+", LookupKind.SIMILAR_MESSAGES, request.getKey()));

    InvestigationOutcome outcome =
        new Investigator(3)
            .investigate(
                rules,
                input(),
                (r, i) -> {
                  calls.incrementAndGet();
                  return endless.answer(r, i);
                });

    assertThat(outcome.rounds()).isEqualTo(3);
    assertThat(calls).hasValue(3);
    assertThat(outcome.warnings()).singleElement().asString().contains("lookup budget of 3");
    assertThat(outcome.lookups()).hasSize(4);
    assertThat(outcome.lookups().get(3).isAnswered()).isFalse();
  }

  @Test
  void identicalLookupsAreAnsweredOnce() throws Exception {
    RuleSet rules =
        compile(
            rule(
                "T-1",
                "ask",
                "  Alert()\n",
                "  insert(LookupRequest.lastDays(LookupKind.DELIVERIES, \"m1\", 7));\n"),
            rule(
                "T-2",
                "ask again",
                "  Alert()\n",
                "  insert(LookupRequest.lastDays(LookupKind.DELIVERIES, \"m1\", 7));\n"));
    InMemoryFactSource store =
        new InMemoryFactSource().add(Fixtures.delivery("d1", "m1", "a@acme.example"));

    InvestigationOutcome outcome = new Investigator(5).investigate(rules, input(), store);

    assertThat(store.calls).hasValue(1);
    assertThat(outcome.lookups()).singleElement().matches(r -> r.isAnswered() && r.getFound() == 1);
  }

  /** One rule asking, in one round, for the deliveries of two messages. */
  private RuleSet askForDeliveriesOf(String first, String second) throws RuleCompilationException {
    return compile(
        rule(
            "T-1",
            "ask about two messages",
            "  Alert()\n",
            "  insert(LookupRequest.lastDays(LookupKind.DELIVERIES, \""
                + first
                + "\", 7));\n  insert(LookupRequest.lastDays(LookupKind.DELIVERIES, \""
                + second
                + "\", 7));\n"));
  }

  @Test
  void oneRoundsRequestsReachTheSourceTogetherAndEachCountsItsOwnFacts() throws Exception {
    RuleSet rules = askForDeliveriesOf("m1", "m2");
    InMemoryFactSource store =
        new InMemoryFactSource()
            .add(Fixtures.delivery("d1", "m1", "a@acme.example"))
            .add(Fixtures.delivery("d2", "m2", "a@acme.example"))
            .add(Fixtures.delivery("d3", "m2", "b@acme.example"));
    List<Integer> batches = new ArrayList<>();
    FactSource batching =
        new FactSource() {
          @Override
          public List<Object> answer(LookupRequest request, Investigation investigation) {
            return store.answer(request, investigation);
          }

          @Override
          public Map<LookupRequest, Answer> answerAll(
              List<LookupRequest> requests, Investigation investigation) {
            batches.add(requests.size());
            return FactSource.super.answerAll(requests, investigation);
          }
        };

    InvestigationOutcome outcome = new Investigator(5).investigate(rules, input(), batching);

    assertThat(batches).containsExactly(2);
    assertThat(outcome.lookups())
        .extracting(r -> r.getKey() + "=" + r.getFound())
        .containsExactlyInAnyOrder("m1=1", "m2=2");
  }

  @Test
  void aLookupThatFailsWarnsAndTheOthersOfItsRoundStillCount() throws Exception {
    RuleSet rules = askForDeliveriesOf("m1", "broken");
    InMemoryFactSource store =
        new InMemoryFactSource().add(Fixtures.delivery("d1", "m1", "a@acme.example"));
    FactSource halfBroken =
        (request, investigation) -> {
          if (request.getKey().equals("broken")) {
            throw new IllegalStateException("store unavailable");
          }
          return store.answer(request, investigation);
        };

    InvestigationOutcome outcome = new Investigator(5).investigate(rules, input(), halfBroken);

    assertThat(outcome.warnings())
        .singleElement()
        .asString()
        .contains("broken")
        .contains("store unavailable");
    assertThat(outcome.lookups())
        .extracting(r -> r.getKey() + "=" + r.getFound())
        .containsExactlyInAnyOrder("m1=1", "broken=0");
  }

  @Test
  void answeredFactsAlreadyPresentAreNotInsertedTwice() throws Exception {
    RuleSet rules =
        compile(
            rule(
                "T-1",
                "ask",
                "  Alert()\n",
                "  insert(LookupRequest.lastDays(LookupKind.SIMILAR_MESSAGES, \"m1\", 7));\n"),
            rule(
                "T-2",
                "count messages",
                "  accumulate(Message(); $n : count(); $n.intValue() > 0)\n  Stage(this == Stage.RESPONSE)\n",
                "  insert(new Finding(EntityType.MESSAGE, \"m1\", \"count\", $n.intValue(), \"n\"));\n"));
    FactSource duplicates =
        (r, i) ->
            List.of(
                Fixtures.benign("m1"), new ClusterMember("m1", LookupKind.SIMILAR_MESSAGES, "m1"));

    InvestigationOutcome outcome = new Investigator(5).investigate(rules, input(), duplicates);

    assertThat(outcome.findings()).singleElement().matches(f -> f.fact().getScore() == 1);
  }

  @Test
  void stagesRunInOrderAndRulesSeeOnlyTheirStage() throws Exception {
    RuleSet rules =
        compile(
            rule(
                "T-1",
                "analysis",
                "  Stage(this == Stage.ANALYSIS)\n",
                "  insert(new Finding(EntityType.MESSAGE, \"m1\", \"a\", 50, \"analysed\"));\n"),
            rule(
                "T-2",
                "verdict",
                "  Stage(this == Stage.VERDICT)\n  Finding(score >= 50)\n",
                "  insert(new InvestigationVerdict(Verdict.SUSPICIOUS, ThreatKind.PHISH, \"x\"));\n"),
            rule(
                "T-3",
                "response",
                "  Stage(this == Stage.RESPONSE)\n  InvestigationVerdict()\n  not Finding(category == \"late\")\n",
                "  insert(new RecommendedAction(ActionType.MOVE_TO_JUNK, EntityType.MESSAGE, \"m1\", \"j\"));\n"));

    InvestigationOutcome outcome =
        new Investigator(5).investigate(rules, input(), (r, i) -> List.of());

    assertThat(outcome.verdict()).isEqualTo(Verdict.SUSPICIOUS);
    assertThat(outcome.actions())
        .singleElement()
        .matches(a -> a.fact().getType() == ActionType.MOVE_TO_JUNK);
  }

  @Test
  void retractedFactsAreDroppedAndDuplicateActionsKeptOnce() throws Exception {
    RuleSet rules =
        compile(
            rule(
                "T-1",
                "find",
                "  Alert()\n",
                "  insert(new Finding(EntityType.MESSAGE, \"m1\", \"tmp\", 10, \"temporary\"));\n"),
            rule(
                "T-2",
                "retract",
                "  Stage(this == Stage.VERDICT)\n  $f : Finding(category == \"tmp\")\n",
                "  delete($f);\n"),
            rule(
                "T-3",
                "act",
                "  Alert()\n",
                "  insert(new RecommendedAction(ActionType.QUARANTINE, EntityType.MESSAGE, \"m1\", \"first\"));\n"),
            rule(
                "T-4",
                "act again",
                "  Alert()\n",
                "  insert(new RecommendedAction(ActionType.QUARANTINE, EntityType.MESSAGE, \"m1\", \"second\"));\n"));

    InvestigationOutcome outcome =
        new Investigator(5).investigate(rules, input(), (r, i) -> List.of());

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.provenance().ruleId()).isIn("T-3", "T-4");
              assertThat(a.provenance().file()).isEqualTo("test_rules.drl");
              assertThat(a.provenance().matchedFacts())
                  .singleElement()
                  .asString()
                  .startsWith("Alert[");
            });
  }

  @Test
  void noVerdictMeansUnknown() throws Exception {
    RuleSet rules = compile(rule("T-1", "x"));
    InvestigationOutcome outcome =
        new Investigator(5).investigate(rules, input(), (r, i) -> List.of());
    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcome.decisiveVerdict()).isNull();
    assertThat(outcome.ruleSetId()).isEqualTo(rules.id());
  }

  @Test
  void sessionsFromThePoolStartEmpty() throws Exception {
    RuleSet rules =
        compile(
            rule(
                "T-1",
                "count alerts",
                "  accumulate(Alert(); $n : count())\n  Stage(this == Stage.RESPONSE)\n",
                "  insert(new Finding(EntityType.MESSAGE, \"m1\", \"n\", $n.intValue(), \"n\"));\n"));
    Investigator investigator = new Investigator(5);
    for (int i = 0; i < 20; i++) {
      InvestigationOutcome outcome = investigator.investigate(rules, input(), (r, x) -> List.of());
      assertThat(outcome.findings()).singleElement().matches(f -> f.fact().getScore() == 1);
    }
  }
}
