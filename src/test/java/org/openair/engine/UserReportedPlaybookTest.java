package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.engine.Fixtures.NOW;
import static org.openair.engine.Fixtures.benign;
import static org.openair.engine.Fixtures.delivery;
import static org.openair.engine.Fixtures.input;
import static org.openair.engine.Fixtures.link;
import static org.openair.engine.Fixtures.phish;
import static org.openair.engine.Fixtures.realRules;
import static org.openair.engine.Fixtures.reported;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openair.domain.ActionType;
import org.openair.domain.Alert;
import org.openair.domain.AlertType;
import org.openair.domain.AuthResult;
import org.openair.domain.Delivery;
import org.openair.domain.Message;
import org.openair.domain.RecommendedAction;
import org.openair.domain.Verdict;

class UserReportedPlaybookTest {
  private final Investigator investigator = new Investigator(5);

  @Test
  void reportedPhishDeliveredToThreeMailboxesGetsOneSoftDeleteCoveringAllThree() {
    Message root = phish("m1");
    InMemoryFactSource store =
        new InMemoryFactSource()
            .add(root)
            .add(delivery("d1", "m1", "alice@acme.example"))
            .add(delivery("d2", "m1", "bob@acme.example"))
            .add(delivery("d3", "m1", "carol@acme.example"));

    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(
                reported("m1", "alice@acme.example"),
                root,
                delivery("d1", "m1", "alice@acme.example")),
            store);

    assertThat(outcome.verdict()).isIn(Verdict.MALICIOUS, Verdict.SUSPICIOUS);
    var softDeletes =
        outcome.actions().stream()
            .filter(a -> a.fact().getType() == ActionType.SOFT_DELETE)
            .toList();
    assertThat(softDeletes).hasSize(1);
    RecommendedAction delete = softDeletes.get(0).fact();
    assertThat(delete.getTarget()).isEqualTo("cluster:m1");
    assertThat(delete.getDeliveries())
        .extracting(Delivery::getId)
        .containsExactly("d1", "d2", "d3");
    Provenance p = softDeletes.get(0).provenance();
    assertThat(p.ruleId()).isEqualTo("OA-UR-020");
    assertThat(p.file()).isEqualTo("playbook_user_reported.drl");
    assertThat(p.fileSha256())
        .isEqualTo(realRules().file("playbook_user_reported.drl").orElseThrow().sha256());
    assertThat(p.ruleSetId()).isEqualTo(realRules().id());
  }

  @Test
  void similarMessagesInOtherMailboxesJoinTheClusterAndTheSoftDelete() {
    Message root = phish("m1");
    Message copy = phish("m2").setRecipients(java.util.List.of("dave@acme.example"));
    InMemoryFactSource store =
        new InMemoryFactSource()
            .add(root)
            .add(copy)
            .add(delivery("d1", "m1", "alice@acme.example"))
            .add(delivery("d2", "m2", "dave@acme.example"))
            .add(
                new Delivery(
                    "d3",
                    "m2",
                    "erin@acme.example",
                    Delivery.DELETED,
                    Fixtures.NOW.minusSeconds(9)));

    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(), input(reported("m1", "alice@acme.example"), root), store);

    RecommendedAction delete = onlyAction(outcome, ActionType.SOFT_DELETE);
    assertThat(delete.getDeliveries()).extracting(Delivery::getId).containsExactly("d1", "d2");
    assertThat(outcome.lookups())
        .extracting(r -> r.getKind() + " " + r.getKey())
        .contains("SIMILAR_MESSAGES m1", "DELIVERIES m1", "DELIVERIES m2");
    assertThat(outcome.rounds()).isEqualTo(2);
  }

  @Test
  void maliciousExternalSenderIsBlockedAndTheReporterNotified() {
    Message root = phish("m1");
    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(reported("m1", "alice@acme.example"), root),
            new InMemoryFactSource().add(root).add(delivery("d1", "m1", "alice@acme.example")));

    assertThat(outcome.verdict()).isEqualTo(Verdict.MALICIOUS);
    assertThat(onlyAction(outcome, ActionType.BLOCK_SENDER).getTarget())
        .isEqualTo("security@paypa1-support.example");
    RecommendedAction notify = onlyAction(outcome, ActionType.NOTIFY_REPORTER);
    assertThat(notify.getTarget()).isEqualTo("alice@acme.example");
    assertThat(notify.getExplanation()).contains("malicious");
  }

  @Test
  void verdictExplanationNamesTheStrongestFindings() {
    Message root = phish("m1");
    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(reported("m1", "alice@acme.example"), root),
            new InMemoryFactSource().add(root));

    assertThat(outcome.decisiveVerdict().fact().getExplanation())
        .contains("Strongest: DMARC failed for the From domain paypa1-support.example. (35)");
    assertThat(outcome.decisiveVerdict().provenance().ruleId()).isEqualTo("OA-UR-010");
    assertThat(outcome.decisiveVerdict().provenance().matchedFacts())
        .anyMatch(f -> f.contains("Message[m1"));
  }

  @Test
  void benignReportedMessageIsCleanAndNothingDestructiveIsRecommended() {
    Message root = benign("m1");
    Message earlier =
        benign("m0").setSubject("February invoice").setReceivedAt(NOW.minus(Duration.ofDays(30)));
    InMemoryFactSource store =
        new InMemoryFactSource()
            .add(root)
            .add(earlier)
            .add(delivery("d1", "m1", "alice@acme.example"))
            .add(delivery("d2", "m1", "bob@acme.example"));

    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(
                reported("m1", "alice@acme.example"),
                root,
                link(
                    "m1",
                    "https://vendor.example/invoice",
                    "vendor.example",
                    "View invoice",
                    null)),
            store);

    assertThat(outcome.verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.actions()).noneMatch(a -> a.fact().getType().isDestructive());
    assertThat(outcome.actions())
        .extracting(a -> a.fact().getType())
        .containsExactly(ActionType.NOTIFY_REPORTER);
    assertThat(outcome.warnings()).isEmpty();
  }

  @Test
  void trustedSenderIsNeverSoftDeletedOrBlocked() {
    Message root =
        phish("m1")
            .setSenderAddress("billing@partner.example")
            .setSenderDomain("partner.example")
            .setSpf(AuthResult.PASS)
            .setDmarc(AuthResult.PASS)
            .setCompauth(AuthResult.PASS);
    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(reported("m1", "alice@acme.example"), root),
            new InMemoryFactSource().add(root).add(delivery("d1", "m1", "alice@acme.example")));

    assertThat(outcome.verdict()).isIn(Verdict.MALICIOUS, Verdict.SUSPICIOUS);
    assertThat(outcome.actions()).noneMatch(a -> a.fact().getType().isDestructive());
  }

  @Test
  void reportOfAnUnknownMessageGivesNoVerdictButTellsTheReporter() {
    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(reported("missing", "alice@acme.example")),
            new InMemoryFactSource());

    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcome.decisiveVerdict()).isNull();
    assertThat(onlyAction(outcome, ActionType.NOTIFY_REPORTER).getExplanation())
        .contains("could not be found");
    assertThat(outcome.actions()).hasSize(1);
  }

  @Test
  void userReportedRulesDoNotRunForAnotherPlaybooksAlert() {
    Message root = phish("m1");
    Alert manual =
        new Alert("a2", AlertType.MANUAL, "m1", null, null, null, "alice@acme.example", null);

    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(), input(manual, root), new InMemoryFactSource().add(root));

    assertThat(outcome.findings()).isNotEmpty();
    assertThat(outcome.firedRules()).noneMatch(id -> id.startsWith("OA-UR-"));
    assertThat(outcome.verdicts()).allMatch(v -> v.provenance().playbook().equals("manual"));
    assertThat(outcome.actions()).allMatch(a -> a.provenance().playbook().equals("manual"));
  }

  private static RecommendedAction onlyAction(InvestigationOutcome outcome, ActionType type) {
    var matching = outcome.actions().stream().filter(a -> a.fact().getType() == type).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0).fact();
  }
}
