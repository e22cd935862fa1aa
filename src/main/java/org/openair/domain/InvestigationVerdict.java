package org.openair.domain;

import java.util.Objects;

/**
 * A verdict on the whole investigation. When rules insert more than one, the worst wins and the
 * others stay in the record as findings of their own.
 */
public class InvestigationVerdict {
  private final Verdict verdict;
  private final ThreatKind threatKind;
  private final String explanation;

  public InvestigationVerdict(Verdict verdict, ThreatKind threatKind, String explanation) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.threatKind = threatKind == null ? ThreatKind.NONE : threatKind;
    this.explanation = explanation;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public ThreatKind getThreatKind() {
    return threatKind;
  }

  public String getExplanation() {
    return explanation;
  }

  @Override
  public String toString() {
    return "InvestigationVerdict[" + verdict.code() + " " + threatKind.code() + "]";
  }
}
