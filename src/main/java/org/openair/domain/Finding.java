package org.openair.domain;

import java.util.Objects;

/**
 * Something a rule noticed about an entity, with a score that verdict rules weigh and a sentence a
 * person can read. The engine adds the rule that inserted it (provenance).
 */
public class Finding {
  private final EntityType entityType;
  private final String entityId;
  private final String category;
  private final int score;
  private final String explanation;

  /**
   * @param category what the finding is about, e.g. {@code authentication}, {@code link}
   * @param score how much it counts towards a malicious verdict, 0 to 100; negative scores count
   *     against (a sender with a long clean history)
   */
  public Finding(
      EntityType entityType, String entityId, String category, int score, String explanation) {
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.entityId = entityId;
    this.category = category;
    this.score = score;
    this.explanation = explanation;
  }

  public EntityType getEntityType() {
    return entityType;
  }

  public String getEntityId() {
    return entityId;
  }

  public String getCategory() {
    return category;
  }

  public int getScore() {
    return score;
  }

  public String getExplanation() {
    return explanation;
  }

  @Override
  public String toString() {
    return "Finding[" + category + " " + entityType.code() + ":" + entityId + " " + score + "]";
  }
}
