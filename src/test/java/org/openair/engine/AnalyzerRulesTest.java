package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.engine.Fixtures.benign;
import static org.openair.engine.Fixtures.input;
import static org.openair.engine.Fixtures.link;
import static org.openair.engine.Fixtures.realRules;
import static org.openair.engine.Fixtures.reported;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openair.domain.Attachment;
import org.openair.domain.AttachmentScan;
import org.openair.domain.AuthResult;
import org.openair.domain.Link;
import org.openair.domain.LookupKind;
import org.openair.domain.Message;
import org.openair.domain.Organisation;
import org.openair.domain.Verdict;

/**
 * A hit and a near miss for the first analyzer rules, each against an otherwise benign message from
 * a known sender. Every rule's cases, in YAML, live under rules/cases and run in RuleCasesTest.
 */
class AnalyzerRulesTest {
  private final Investigator investigator = new Investigator(5);

  private InvestigationOutcome run(Message m, Object... more) {
    return run(Fixtures.ORG, m, more);
  }

  /** Investigates {@code m} from a sender the organisation has known for a month. */
  private InvestigationOutcome run(Organisation org, Message m, Object... more) {
    Object[] facts = Stream.concat(Stream.of(m), Stream.of(more)).toArray();
    Message earlier =
        benign("m0")
            .setSenderAddress(m.getSenderAddress())
            .setSubject("An earlier note")
            .setReceivedAt(Fixtures.NOW.minus(Duration.ofDays(30)));
    return investigator.investigate(
        realRules(),
        input(reported(m.getId(), "alice@acme.example"), org, facts),
        new InMemoryFactSource().add(m).add(earlier));
  }

  private Set<String> fired(Message m, Object... more) {
    return ids(run(m, more));
  }

  private static Set<String> ids(InvestigationOutcome outcome) {
    return outcome.findings().stream()
        .map(f -> f.provenance().ruleId())
        .collect(Collectors.toSet());
  }

  @Test
  void dmarcFailScoresHeavily() {
    InvestigationOutcome outcome = run(benign("m1").setDmarc(AuthResult.FAIL));
    assertThat(outcome.findings()).extracting(f -> f.provenance().ruleId()).contains("OA-AUTH-001");
    assertThat(outcome.findings()).extracting(f -> f.fact().getScore()).contains(35);
  }

  @Test
  void dmarcNoneIsNotAFailure() {
    assertThat(fired(benign("m1").setDmarc(AuthResult.NONE))).doesNotContain("OA-AUTH-001");
  }

  @Test
  void compauthFailScoresHeavily() {
    assertThat(fired(benign("m1").setCompauth(AuthResult.FAIL))).contains("OA-AUTH-002");
  }

  @Test
  void compauthSoftpassIsNotAFailure() {
    assertThat(fired(benign("m1").setCompauth(AuthResult.NEUTRAL))).doesNotContain("OA-AUTH-002");
  }

  @Test
  void spfHardFailScores() {
    assertThat(fired(benign("m1").setSpf(AuthResult.FAIL))).contains("OA-AUTH-003");
  }

  @Test
  void spfSoftfailIsNotAHardFail() {
    assertThat(fired(benign("m1").setSpf(AuthResult.SOFTFAIL))).doesNotContain("OA-AUTH-003");
  }

  @Test
  void spfSoftfailAloneScoresLightlyAndStaysClean() {
    InvestigationOutcome outcome = run(benign("m1").setSpf(AuthResult.SOFTFAIL));
    assertThat(outcome.findings())
        .extracting(f -> f.provenance().ruleId())
        .containsExactly("OA-AUTH-004");
    assertThat(outcome.findings().get(0).fact().getScore()).isEqualTo(5);
    assertThat(outcome.verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void spfSoftfailWithDmarcFailIsLeftToTheDmarcRule() {
    assertThat(fired(benign("m1").setSpf(AuthResult.SOFTFAIL).setDmarc(AuthResult.FAIL)))
        .doesNotContain("OA-AUTH-004");
  }

  @Test
  void dkimFailScores() {
    assertThat(fired(benign("m1").setDkim(AuthResult.FAIL))).contains("OA-AUTH-005");
  }

  @Test
  void dkimMissingIsNotAFailure() {
    assertThat(fired(benign("m1").setDkim(AuthResult.MISSING))).doesNotContain("OA-AUTH-005");
  }

  @Test
  void returnPathOnAnotherDomainWithoutPassingAuthScores() {
    Message m =
        benign("m1")
            .setReturnPathDomain("bulk.example")
            .setDmarc(AuthResult.NONE)
            .setCompauth(null);
    assertThat(fired(m)).contains("OA-AUTH-006");
  }

  @Test
  void returnPathOnAnotherDomainWithDmarcPassIsFine() {
    assertThat(fired(benign("m1").setReturnPathDomain("bulk.example")))
        .doesNotContain("OA-AUTH-006");
  }

  @Test
  void returnPathOnASubdomainOfTheSenderIsTheSameOrganisation() {
    Message m =
        benign("m1")
            .setReturnPathDomain("bounces.vendor.example")
            .setDmarc(AuthResult.NONE)
            .setCompauth(null);
    assertThat(fired(m)).doesNotContain("OA-AUTH-006");
  }

  @Test
  void replyToAnotherBusinessDomainScores() {
    assertThat(fired(benign("m1").setReplyToDomain("other.example"))).contains("OA-AUTH-007");
  }

  @Test
  void replyToASubdomainOfTheSenderIsFine() {
    assertThat(fired(benign("m1").setReplyToDomain("support.vendor.example")))
        .doesNotContain("OA-AUTH-007", "OA-AUTH-008");
  }

  @Test
  void replyToFreeMailFromABusinessSenderScoresAsBec() {
    Set<String> ids =
        fired(benign("m1").setReplyTo("ceo.private@gmail.com").setReplyToDomain("gmail.com"));
    assertThat(ids).contains("OA-AUTH-008").doesNotContain("OA-AUTH-007");
  }

  @Test
  void replyToFreeMailFromAFreeMailSenderIsNotBec() {
    Message m =
        benign("m1")
            .setSenderDomain("gmail.com")
            .setReturnPathDomain("gmail.com")
            .setReplyToDomain("outlook.com");
    assertThat(fired(m)).doesNotContain("OA-AUTH-008");
  }

  @Test
  void linkShowingOneHostAndGoingToAnotherScoresAndIsSuspicious() {
    Link l =
        link(
            "m1",
            "https://login.evil.example/x",
            "login.evil.example",
            "www.paypal.com",
            "www.paypal.com");
    InvestigationOutcome outcome = run(benign("m1"), l);
    assertThat(outcome.findings()).extracting(f -> f.provenance().ruleId()).contains("OA-LNK-001");
    assertThat(outcome.entityVerdicts())
        .extracting(v -> v.fact().getEntityId() + " " + v.fact().getVerdict())
        .contains("https://login.evil.example/x SUSPICIOUS");
  }

  @Test
  void linkShowingASubdomainOfItsTargetIsFine() {
    Link l =
        link(
            "m1",
            "https://www.vendor.example/a",
            "www.vendor.example",
            "vendor.example",
            "vendor.example");
    assertThat(fired(benign("m1"), l)).doesNotContain("OA-LNK-001");
  }

  @Test
  void linkToAnIpAddressScores() {
    Link l = link("m1", "http://3232235777/login", "3232235777", "Log in", null);
    assertThat(fired(benign("m1"), l)).contains("OA-LNK-002");
  }

  @Test
  void linkToAnIpAddressSpelledInOctalScores() {
    Link l = link("m1", "http://030052000401/r/4mDWxa", "030052000401", "Claim", null);
    assertThat(fired(benign("m1"), l)).contains("OA-LNK-002");
  }

  @Test
  void linkToAHostOfDigitsThatIsNotOctalIsNotAnIpAddress() {
    Link l = link("m1", "http://0800123456789/", "0800123456789", "Call", null);
    assertThat(fired(benign("m1"), l)).doesNotContain("OA-LNK-002");
  }

  @Test
  void linkToAHostWithDigitsIsNotAnIpAddress() {
    Link l = link("m1", "https://web2.vendor.example/", "web2.vendor.example", "Log in", null);
    assertThat(fired(benign("m1"), l)).doesNotContain("OA-LNK-002");
  }

  @Test
  void linkToAPunycodeHostScores() {
    Link l = link("m1", "https://xn--pypal-4ve.com/", "xn--pypal-4ve.com", "PayPal", null);
    assertThat(fired(benign("m1"), l)).contains("OA-LNK-003");
  }

  @Test
  void linkWithXnInsideALabelIsNotPunycode() {
    Link l = link("m1", "https://boxn--a.example/", "boxn--a.example", "Box", null);
    assertThat(fired(benign("m1"), l)).doesNotContain("OA-LNK-003");
  }

  @Test
  void linkWithUserInfoIsMalicious() {
    Link l =
        link("m1", "https://www.bank.example@evil.example/login", "evil.example", "Bank", null);
    InvestigationOutcome outcome = run(benign("m1"), l);
    assertThat(outcome.findings()).extracting(f -> f.provenance().ruleId()).contains("OA-LNK-004");
    assertThat(outcome.entityVerdicts())
        .extracting(v -> v.fact().getVerdict())
        .contains(Verdict.MALICIOUS);
  }

  @Test
  void atSignInTheQueryIsNotUserInfo() {
    Link l =
        link(
            "m1",
            "https://vendor.example/unsub?u=alice@acme.example",
            "vendor.example",
            "Unsubscribe",
            null);
    assertThat(fired(benign("m1"), l)).doesNotContain("OA-LNK-004");
  }

  @Test
  void linksOfMessagesOutsideTheClusterAreNotAnalysed() {
    Link other = link("m9", "http://10.0.0.1/", "10.0.0.1", "x", null);
    assertThat(fired(benign("m1"), other)).isEmpty();
  }

  @Test
  void displayNameWithAnotherDomainsAddressScores() {
    Message m = benign("m1").setSenderDisplayName("PayPal <service@paypal.com>");
    assertThat(fired(m)).contains("OA-SND-001");
  }

  @Test
  void displayNameWithTheSendersOwnAddressIsFine() {
    Message m = benign("m1").setSenderDisplayName("news@vendor.example");
    assertThat(fired(m)).doesNotContain("OA-SND-001");
  }

  @Test
  void ownDomainFailingAuthenticationIsSpoofing() {
    Message m =
        benign("m1")
            .setSenderAddress("ceo@acme.example")
            .setSenderDomain("acme.example")
            .setReturnPathDomain("acme.example")
            .setDmarc(AuthResult.FAIL);
    assertThat(fired(m)).contains("OA-SND-002");
  }

  @Test
  void ownDomainPassingAuthenticationIsNotSpoofing() {
    Message m =
        benign("m1")
            .setSenderAddress("ceo@acme.example")
            .setSenderDomain("acme.example")
            .setReturnPathDomain("acme.example");
    assertThat(fired(m)).doesNotContain("OA-SND-002");
  }

  @Test
  void externalSenderWithAVipsNameScores() {
    Message m = benign("m1").setSenderDisplayName("Boss, Jane");
    Organisation org =
        new Organisation(
            Set.of("acme.example"),
            Set.of(),
            Set.of(),
            Set.of(),
            Map.of("jane@acme.example", "Jane Boss"),
            Set.of());
    assertThat(ids(run(org, m))).contains("OA-SND-003");
  }

  @Test
  void externalSenderWithAnOrdinaryColleaguesNameIsFine() {
    Message m = benign("m1").setSenderDisplayName("Jane Boss");
    assertThat(fired(m)).doesNotContain("OA-SND-003");
  }

  /** Runs with a scanner that answers {@code scans} for the message's attachments. */
  private InvestigationOutcome runScanned(Message m, List<AttachmentScan> scans, Object... more) {
    Object[] facts = Stream.concat(Stream.of(m), Stream.of(more)).toArray();
    InMemoryFactSource store = new InMemoryFactSource().add(m);
    FactSource scanner =
        (request, investigation) ->
            request.getKind() == LookupKind.ATTACHMENT_SCANS && request.getKey().equals(m.getId())
                ? List.<Object>copyOf(scans)
                : store.answer(request, investigation);
    return investigator.investigate(
        realRules(), input(reported(m.getId(), "alice@acme.example"), facts), scanner);
  }

  private static Attachment attachment(String messageId) {
    return new Attachment(messageId, "invoice.com", "application/octet-stream", null, 68, HASH);
  }

  private static final String HASH = "a".repeat(64);

  @Test
  void anAttachedFileIsSentForAScan() {
    Message m = benign("m1");
    InvestigationOutcome outcome = runScanned(m, List.of(), attachment("m1"));
    assertThat(outcome.lookups())
        .as("OA-AV-001 asks for a scan of the investigated message")
        .anyMatch(l -> l.getKind() == LookupKind.ATTACHMENT_SCANS && l.getKey().equals("m1"));
  }

  @Test
  void aMessageWithoutAttachmentsIsNotScanned() {
    InvestigationOutcome outcome = runScanned(benign("m1"), List.of());
    assertThat(outcome.lookups()).noneMatch(l -> l.getKind() == LookupKind.ATTACHMENT_SCANS);
  }

  @Test
  void aSignatureMatchIsMalwareAndMakesTheFileMalicious() {
    AttachmentScan infected =
        new AttachmentScan("m1", "invoice.com", HASH, true, "Win.Test.EICAR_HDB-1", null);
    InvestigationOutcome outcome = runScanned(benign("m1"), List.of(infected), attachment("m1"));

    assertThat(outcome.findings())
        .filteredOn(f -> f.provenance().ruleId().equals("OA-AV-002"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.fact().getScore()).isEqualTo(100);
              assertThat(f.fact().getExplanation()).contains("Win.Test.EICAR_HDB-1");
            });
    assertThat(outcome.entityVerdicts())
        .anyMatch(
            v -> v.fact().getEntityId().equals(HASH) && v.fact().getVerdict() == Verdict.MALICIOUS);
  }

  @Test
  void aCleanOrFailedScanIsNoEvidence() {
    AttachmentScan clean = new AttachmentScan("m1", "a.pdf", HASH, false, null, null);
    AttachmentScan failed = new AttachmentScan("m1", "b.zip", HASH, false, null, "size limit");
    assertThat(runScanned(benign("m1"), List.of(clean, failed), attachment("m1")).findings())
        .noneMatch(f -> f.provenance().ruleId().startsWith("OA-AV"));
  }
}
