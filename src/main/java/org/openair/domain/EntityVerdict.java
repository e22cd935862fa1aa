package org.openair.domain;

import java.util.Objects;

/** A rule's verdict on one entity (a URL, a file, a sender...). */
public class EntityVerdict {
  private final EntityType entityType;
  private final String entityId;
  private final Verdict verdict;
  private final ThreatKind threatKind;
  private final String explanation;

  public EntityVerdict(
      EntityType entityType,
      String entityId,
      Verdict verdict,
      ThreatKind threatKind,
      String explanation) {
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.entityId = entityId;
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.threatKind = threatKind == null ? ThreatKind.NONE : threatKind;
    this.explanation = explanation;
  }

  public EntityType getEntityType() {
    return entityType;
  }

  public String getEntityId() {
    return entityId;
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
    return "EntityVerdict[" + entityType.code() + ":" + entityId + " " + verdict.code() + "]";
  }
}
