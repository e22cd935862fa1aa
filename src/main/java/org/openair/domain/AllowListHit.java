package org.openair.domain;

import java.util.Objects;

/**
 * A value of the investigated message that is on an allow-list: a MISP warning list or an indicator
 * its source marks benign (well-known domains, URL shorteners, cloud mail hosts). Rules use these
 * to discount findings that such values trigger by habit.
 */
public class AllowListHit {
  private final String messageId;
  private final EntityType entityType;
  private final String value;
  private final String indicatorType;
  private final String indicatorValue;
  private final String list;
  private final String description;

  public AllowListHit(
      String messageId,
      EntityType entityType,
      String value,
      String indicatorType,
      String indicatorValue,
      String list,
      String description) {
    this.messageId = messageId;
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.value = value;
    this.indicatorType = indicatorType;
    this.indicatorValue = indicatorValue;
    this.list = list;
    this.description = description;
  }

  public String getMessageId() {
    return messageId;
  }

  public EntityType getEntityType() {
    return entityType;
  }

  /** The message's value that is listed (a link's URL, the sender's domain...). */
  public String getValue() {
    return value;
  }

  public String getIndicatorType() {
    return indicatorType;
  }

  public String getIndicatorValue() {
    return indicatorValue;
  }

  /** The list's name (the intelligence source). */
  public String getList() {
    return list;
  }

  public String getDescription() {
    return description;
  }

  @Override
  public String toString() {
    return "AllowListHit[" + entityType.code() + ":" + value + " " + list + "]";
  }
}
