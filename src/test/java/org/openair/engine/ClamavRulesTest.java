package org.openair.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.engine.Fixtures.benign;
import static org.openair.engine.Fixtures.input;
import static org.openair.engine.Fixtures.realRules;
import static org.openair.engine.Fixtures.reported;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openair.domain.Attachment;
import org.openair.domain.AttachmentScan;
import org.openair.domain.LookupKind;
import org.openair.domain.Message;
import org.openair.domain.Verdict;

/** The ClamAV analyzer (analyzer_clamav.drl): a scan is asked for, and what its answers mean. */
class ClamavRulesTest {
  private final Investigator investigator = new Investigator(5);

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
