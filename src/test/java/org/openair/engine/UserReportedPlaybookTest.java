package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.engine.Fixtures.delivery;
import static org.openair.engine.Fixtures.input;
import static org.openair.engine.Fixtures.phish;
import static org.openair.engine.Fixtures.realRules;
import static org.openair.engine.Fixtures.reported;

import org.junit.jupiter.api.Test;
import org.openair.domain.ActionType;
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

    System.out.println(outcome);
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
}
