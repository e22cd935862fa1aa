package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.engine.Fixtures.NOW;
import static org.openair.engine.Fixtures.benign;
import static org.openair.engine.Fixtures.delivery;
import static org.openair.engine.Fixtures.input;
import static org.openair.engine.Fixtures.link;
import static org.openair.engine.Fixtures.realRules;
import static org.openair.engine.Fixtures.reported;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openair.domain.Alert;
import org.openair.domain.AlertType;
import org.openair.domain.AllowListHit;
import org.openair.domain.ClusterMember;
import org.openair.domain.EntityType;
import org.openair.domain.EntityVerdict;
import org.openair.domain.IndicatorMatch;
import org.openair.domain.IntelHit;
import org.openair.domain.LookupKind;
import org.openair.domain.Message;
import org.openair.domain.ThreatKind;
import org.openair.domain.Verdict;

/** The rules of analyzer_intel.drl: a hit, a near miss and a benign case each. */
class IntelRulesTest {
  private static final String URL = "https://login.evil-bank.example/verify";

  private final Investigator investigator = new Investigator(5);

  private InvestigationOutcome reportedWith(Message m, Object... more) {
    Object[] facts = Stream.concat(Stream.of(m), Stream.of(more)).toArray();
    return investigator.investigate(
        realRules(),
        input(reported(m.getId(), "alice@acme.example"), facts),
        new InMemoryFactSource().add(m));
  }

  private static Set<String> intelRules(InvestigationOutcome outcome) {
    return Stream.concat(
            outcome.findings().stream().map(f -> f.provenance().ruleId()),
            outcome.entityVerdicts().stream().map(v -> v.provenance().ruleId()))
        .filter(id -> id.startsWith("OA-INTEL"))
        .collect(Collectors.toSet());
  }

  private static IntelHit urlHit(String source, Verdict verdict, int confidence) {
    return new IntelHit(
        "m1",
        EntityType.URL,
        URL,
        "url",
        URL,
        source,
        verdict,
        ThreatKind.PHISH,
        confidence,
        "credential phishing kit");
  }

  @Test
  void reportedMessageWithALinkOnAMaliciousFeedIsMaliciousAndNamesTheSource() {
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", URL, "login.evil-bank.example", null, null),
            urlHit("openphish", Verdict.MALICIOUS, 90));

    assertThat(outcome.verdict()).isEqualTo(Verdict.MALICIOUS);
    assertThat(outcome.decisiveVerdict().fact().getExplanation())
        .contains("openphish")
        .contains("confidence 90");
    assertThat(intelRules(outcome)).containsExactly("OA-INTEL-001");
    EntityVerdict v = outcome.entityVerdicts().get(0).fact();
    assertThat(v.getEntityType()).isEqualTo(EntityType.URL);
    assertThat(v.getVerdict()).isEqualTo(Verdict.MALICIOUS);
  }

  @Test
  void twoSourcesListingOneLinkScoreItOnceNamingTheMoreConfidentSource() {
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", URL, "login.evil-bank.example", null, null),
            urlHit("feed-a", Verdict.MALICIOUS, 75),
            urlHit("feed-b", Verdict.MALICIOUS, 95));

    var intel =
        outcome.findings().stream()
            .filter(f -> f.provenance().ruleId().equals("OA-INTEL-001"))
            .toList();
    assertThat(intel).hasSize(1);
    assertThat(intel.get(0).fact().getExplanation()).contains("feed-b");
  }

  @Test
  void lowerConfidenceMaliciousIndicatorMakesTheLinkSuspiciousOnly() {
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", URL, "login.evil-bank.example", null, null),
            urlHit("community-list", Verdict.MALICIOUS, 60));

    assertThat(intelRules(outcome)).containsExactly("OA-INTEL-002");
    assertThat(outcome.verdict()).isEqualTo(Verdict.SUSPICIOUS);
  }

  @Test
  void indicatorBelowConfidence40IsIgnored() {
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", URL, "login.evil-bank.example", null, null),
            urlHit("community-list", Verdict.MALICIOUS, 39));

    assertThat(intelRules(outcome)).isEmpty();
    assertThat(outcome.verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void hitOnAnotherMessageDoesNotScoreTheReportedOne() {
    IntelHit elsewhere =
        new IntelHit(
            "m2",
            EntityType.URL,
            URL,
            "url",
            URL,
            "openphish",
            Verdict.MALICIOUS,
            ThreatKind.PHISH,
            90,
            null);
    assertThat(intelRules(reportedWith(benign("m1"), elsewhere))).isEmpty();
  }

  @Test
  void benignMessageWithoutHitsStaysQuiet() {
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", "https://www.vendor.example/invoice", "www.vendor.example", null, null));
    assertThat(intelRules(outcome)).isEmpty();
    assertThat(outcome.verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void allowListedLinkTakesBackItsLinkFinding() {
    String shortener = "https://bit.ly/3xYz";
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", shortener, "bit.ly", "www.vendor.example/invoice", "www.vendor.example"),
            new AllowListHit(
                "m1", EntityType.URL, shortener, "domain", "bit.ly", "url-shortener", "bit.ly"));

    var byRule =
        outcome.findings().stream().collect(Collectors.groupingBy(f -> f.provenance().ruleId()));
    assertThat(byRule).containsKeys("OA-LNK-001", "OA-INTEL-003");
    assertThat(byRule.get("OA-INTEL-003").get(0).fact().getScore())
        .isEqualTo(-byRule.get("OA-LNK-001").get(0).fact().getScore());
    assertThat(byRule.get("OA-INTEL-003").get(0).fact().getExplanation()).contains("url-shortener");
  }

  @Test
  void allowListDoesNotDiscountALinkThatIntelligenceListsAsMalicious() {
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", URL, "login.evil-bank.example", "www.bank.example", "www.bank.example"),
            new AllowListHit(
                "m1", EntityType.URL, URL, "domain", "evil-bank.example", "tranco10k", "top"),
            urlHit("openphish", Verdict.MALICIOUS, 90));

    assertThat(intelRules(outcome)).contains("OA-INTEL-001").doesNotContain("OA-INTEL-003");
  }

  @Test
  void allowListWithoutALinkFindingAddsNothing() {
    // A link no link rule flags (a URL shortener is itself a link finding now).
    InvestigationOutcome outcome =
        reportedWith(
            benign("m1"),
            link("m1", "https://docs.partner.example/abc", "docs.partner.example", null, null),
            new AllowListHit(
                "m1",
                EntityType.URL,
                "https://docs.partner.example/abc",
                "domain",
                "partner.example",
                "partners",
                ""));
    assertThat(intelRules(outcome)).isEmpty();
  }

  // OA-INTEL-004 asks for the copies; OA-INTEL-006 marks each one.
  @Test
  void retroHuntAlertLooksUpEveryCopyAndMarksEachMalicious() {
    Message root = benign("m1");
    IntelHit hit = urlHit("openphish", Verdict.MALICIOUS, 90);
    String key = "url:" + URL;
    Alert zap =
        new Alert("alert-2", AlertType.PHISH_ZAP, "m1", null, URL, null, null, NOW.minusSeconds(5));
    FactSource copies =
        (request, investigation) -> {
          if (request.getKind() != LookupKind.INTEL_MATCH || !request.getKey().equals(key)) {
            return List.of();
          }
          List<Object> out = new ArrayList<>();
          for (String id : List.of("m1", "m2", "m3")) {
            out.add(benign(id));
            out.add(new ClusterMember(id, LookupKind.INTEL_MATCH, key));
            out.add(new IndicatorMatch(id, key));
            out.add(delivery("d-" + id, id, id + "@acme.example"));
          }
          return out;
        };

    InvestigationOutcome outcome =
        investigator.investigate(realRules(), input(zap, root, hit), copies);

    assertThat(outcome.lookups())
        .anySatisfy(
            l -> {
              assertThat(l.getKind()).isEqualTo(LookupKind.INTEL_MATCH);
              assertThat(l.getFound()).isEqualTo(6);
            });
    assertThat(
            outcome.entityVerdicts().stream()
                .filter(v -> v.provenance().ruleId().equals("OA-INTEL-006"))
                .map(v -> v.fact().getEntityId()))
        .containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(outcome.entityVerdicts())
        .filteredOn(v -> v.provenance().ruleId().equals("OA-INTEL-006"))
        .allSatisfy(v -> assertThat(v.fact().getExplanation()).contains("openphish"));
  }

  @Test
  void phishZapWithoutAnIntelHitAsksForNoCopies() {
    Alert zap =
        new Alert("alert-3", AlertType.PHISH_ZAP, "m1", null, URL, null, null, NOW.minusSeconds(5));
    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(), input(zap, benign("m1")), new InMemoryFactSource().add(benign("m1")));
    assertThat(outcome.lookups()).noneMatch(l -> l.getKind() == LookupKind.INTEL_MATCH);
    assertThat(intelRules(outcome)).isEmpty();
  }

  // OA-INTEL-005 asks for the copies of a file.
  @Test
  void malwareZapFromAHashIndicatorLooksUpCopiesToo() {
    String sha = "a".repeat(64);
    IntelHit fileHit =
        new IntelHit(
            "m1",
            EntityType.FILE,
            sha,
            "sha256",
            sha,
            "malware-bazaar",
            Verdict.MALICIOUS,
            ThreatKind.MALWARE,
            95,
            "emotet dropper");
    Alert zap = new Alert("alert-4", AlertType.MALWARE_ZAP, "m1", null, null, null, null, NOW);
    InvestigationOutcome outcome =
        investigator.investigate(
            realRules(),
            input(zap, benign("m1"), fileHit),
            new InMemoryFactSource().add(benign("m1")));
    assertThat(outcome.lookups())
        .anyMatch(l -> l.getKind() == LookupKind.INTEL_MATCH && l.getKey().equals("sha256:" + sha));
    assertThat(intelRules(outcome)).contains("OA-INTEL-001");
  }
}
