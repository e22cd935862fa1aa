package org.openair.domain;

import java.util.Objects;

/**
 * A value of the investigated message (a link, an attachment's hash, the sender, the sender's IP)
 * found on an intelligence source: as a threat ({@link IntelHit}) or on an allow-list ({@link
 * AllowListHit}).
 */
public abstract class IndicatorHit {
  private final String messageId;
  private final EntityType entityType;
  private final String value;
  private final String indicatorType;
  private final String indicatorValue;
  private final String description;

  /**
   * @param value the message's value that matched, as the message carries it (the link's URL, the
   *     attachment's SHA-256, the sender's address or IP)
   * @param indicatorType {@code url}, {@code domain}, {@code ip}, {@code cidr}, {@code sha256},
   *     {@code sha1}, {@code md5}, {@code email}, {@code subject} or {@code filename}
   */
  protected IndicatorHit(
      String messageId,
      EntityType entityType,
      String value,
      String indicatorType,
      String indicatorValue,
      String description) {
    this.messageId = messageId;
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.value = value;
    this.indicatorType = indicatorType;
    this.indicatorValue = indicatorValue;
    this.description = description;
  }

  public String getMessageId() {
    return messageId;
  }

  /** What the matched value is: {@code URL}, {@code FILE}, {@code SENDER}, {@code DOMAIN}... */
  public EntityType getEntityType() {
    return entityType;
  }

  /** The message's value that matched (a link's URL, the sender's domain...). */
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

  /** The source's description of the indicator, or null. */
  public String getDescription() {
    return description;
  }
}
