package org.openair.investigation;

import java.util.List;
import org.openair.engine.Provenance;

/** What the engine found, as stored with the investigation and returned by the API. */
public record InvestigationResult(
    String verdictExplanation,
    ProvenanceView verdictProvenance,
    List<EntityView> entities,
    List<FindingView> findings,
    List<VerdictView> verdicts,
    List<LookupView> lookups,
    int rounds,
    List<String> warnings) {

  /** An entity the investigation looked at, with its worst verdict. */
  public record EntityView(
      String type,
      String id,
      String verdict,
      String threatKind,
      String explanation,
      String ruleId) {}

  public record FindingView(
      String entityType,
      String entityId,
      String category,
      int score,
      String explanation,
      ProvenanceView provenance) {}

  public record VerdictView(
      String verdict, String threatKind, String explanation, ProvenanceView provenance) {}

  public record LookupView(String kind, String key, String window, int found) {}

  /** Which rule derived a fact, from which file and rule set, and the facts it matched. */
  public record ProvenanceView(
      String ruleId,
      String ruleName,
      String playbook,
      String severity,
      String file,
      String fileSha256,
      String ruleSetId,
      List<String> matchedFacts) {

    public static ProvenanceView of(Provenance p) {
      return p == null
          ? null
          : new ProvenanceView(
              p.ruleId(),
              p.ruleName(),
              p.playbook(),
              p.severity(),
              p.file(),
              p.fileSha256(),
              p.ruleSetId(),
              p.matchedFacts());
    }
  }
}
