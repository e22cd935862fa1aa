package org.openair.domain;

import java.util.Objects;

/**
 * A value of the investigated message (a link, an attachment's hash, the sender, the sender's IP)
 * that matches a threat-intelligence indicator. Java inserts one per match; rules turn them into
 * findings and verdicts and quote the indicator's source and confidence.
 */
public class IntelHit extends IndicatorHit {
  private final String source;
  private final Verdict verdict;
  private final ThreatKind threatKind;
  private final int confidence;

  /**
   * @param verdict {@link Verdict#MALICIOUS} or {@link Verdict#SUSPICIOUS}; benign indicators
   *     become {@link AllowListHit}s instead
   */
  public IntelHit(
      String messageId,
      EntityType entityType,
      String value,
      String indicatorType,
      String indicatorValue,
      String source,
      Verdict verdict,
      ThreatKind threatKind,
      int confidence,
      String description) {
    super(messageId, entityType, value, indicatorType, indicatorValue, description);
    this.source = source;
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.threatKind = threatKind == null ? ThreatKind.NONE : threatKind;
    this.confidence = confidence;
  }

  /**
   * True when this hit says more than {@code other}: higher confidence, or the same confidence and
   * an earlier source and indicator in alphabetical order, so that exactly one hit of a group wins.
   */
  public boolean outranks(IntelHit other) {
    if (other == null || other == this) {
      return false;
    }
    if (confidence != other.confidence) {
      return confidence > other.confidence;
    }
    String mine = source + "|" + getIndicatorKey();
    String theirs = other.source + "|" + other.getIndicatorKey();
    return mine.compareTo(theirs) < 0;
  }

  /** The feed or list the indicator came from. */
  public String getSource() {
    return source;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  /**
   * The threat the source names (phish, malware...), {@link ThreatKind#NONE} when it names none.
   */
  public ThreatKind getThreatKind() {
    return threatKind;
  }

  /** The source's confidence, 0 to 100. */
  public int getConfidence() {
    return confidence;
  }

  /** A sentence naming the match, the indicator's source and its confidence. */
  public String getSummary() {
    String value = getValue();
    String description = getDescription();
    String why =
        value != null && value.equals(getIndicatorValue())
            ? ""
            : " (indicator " + getIndicatorType() + " " + getIndicatorValue() + ")";
    return value
        + " is on "
        + source
        + why
        + " as "
        + verdict.code()
        + (threatKind == ThreatKind.NONE ? "" : " " + threatKind.code())
        + " with confidence "
        + confidence
        + (description == null || description.isBlank() ? "" : ": " + description.strip());
  }

  @Override
  public String toString() {
    return "IntelHit["
        + getEntityType().code()
        + ":"
        + getValue()
        + " "
        + getIndicatorType()
        + " "
        + source
        + " "
        + verdict.code()
        + " "
        + confidence
        + "]";
  }
}
