package org.openair.domain;

/**
 * A delivered message that a threat-intelligence lookup ({@link LookupKind#INTEL_MATCH}) found
 * carrying an indicator. It names the copy apart from {@link ClusterMember}, which keeps one entry
 * per message whatever lookup found it first.
 */
public class IndicatorMatch {
  private final String messageId;
  private final String indicatorKey;

  public IndicatorMatch(String messageId, String indicatorKey) {
    this.messageId = messageId;
    this.indicatorKey = indicatorKey;
  }

  public String getMessageId() {
    return messageId;
  }

  /** The indicator as {@code type:value}, as {@code IntelHit.getIndicatorKey()} gives it. */
  public String getIndicatorKey() {
    return indicatorKey;
  }

  @Override
  public String toString() {
    return "IndicatorMatch[" + messageId + " " + indicatorKey + "]";
  }
}
