package org.openair.domain;

import java.util.Objects;

/**
 * A value of the investigated message (a link, an attachment's hash, the sender, the sender's IP)
 * that matches a threat-intelligence indicator. Java inserts one per match; rules turn them into
 * findings and verdicts and quote the indicator's source and confidence.
 */
public class IntelHit {
  private final String messageId;
  private final EntityType entityType;
  private final String value;
  private final String indicatorType;
  private final String indicatorValue;
  private final String source;
  private final Verdict verdict;
  private final ThreatKind threatKind;
  private final int confidence;
  private final String description;

  /**
   * @param value the message's value that matched, as the message carries it (the link's URL, the
   *     attachment's SHA-256, the sender's address or IP)
   * @param indicatorType {@code url}, {@code domain}, {@code ip}, {@code cidr}, {@code sha256},
   *     {@code sha1}, {@code md5}, {@code email}, {@code subject} or {@code filename}
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
    this.messageId = messageId;
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.value = value;
    this.indicatorType = indicatorType;
    this.indicatorValue = indicatorValue;
    this.source = source;
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.threatKind = threatKind == null ? ThreatKind.NONE : threatKind;
    this.confidence = confidence;
    this.description = description;
  }

  public String getMessageId() {
    return messageId;
  }

  /** What the matched value is: {@code URL}, {@code FILE}, {@code SENDER}, {@code DOMAIN}... */
  public EntityType getEntityType() {
    return entityType;
  }

  public String getValue() {
    return value;
  }

  public String getIndicatorType() {
    return indicatorType;
  }

  /** The indicator as stored (normalised), e.g. {@code evil.example} for a subdomain's match. */
  public String getIndicatorValue() {
    return indicatorValue;
  }

  /** {@code type:value} of the indicator: the key of an {@code INTEL_MATCH} lookup. */
  public String getIndicatorKey() {
    return indicatorType + ":" + indicatorValue;
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

  /** The source's description of the indicator, or null. */
  public String getDescription() {
    return description;
  }

  /** A sentence naming the match, the indicator's source and its confidence. */
  public String getSummary() {
    String why =
        value != null && value.equals(indicatorValue)
            ? ""
            : " (indicator " + indicatorType + " " + indicatorValue + ")";
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
        + entityType.code()
        + ":"
        + value
        + " "
        + indicatorType
        + " "
        + source
        + " "
        + verdict.code()
        + " "
        + confidence
        + "]";
  }
}
