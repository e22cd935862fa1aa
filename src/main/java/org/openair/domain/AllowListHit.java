package org.openair.domain;

/**
 * A value of the investigated message that is on an allow-list: a MISP warning list or an indicator
 * its source marks benign (well-known domains, URL shorteners, cloud mail hosts). Rules use these
 * to discount findings that such values trigger by habit.
 */
public class AllowListHit extends IndicatorHit {
  private final String list;

  public AllowListHit(
      String messageId,
      EntityType entityType,
      String value,
      String indicatorType,
      String indicatorValue,
      String list,
      String description) {
    super(messageId, entityType, value, indicatorType, indicatorValue, description);
    this.list = list;
  }

  /** The list's name (the intelligence source). */
  public String getList() {
    return list;
  }

  @Override
  public String toString() {
    return "AllowListHit[" + getEntityType().code() + ":" + getValue() + " " + list + "]";
  }
}
