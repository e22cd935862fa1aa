package org.openair.domain;

import java.util.List;
import java.util.Objects;

/**
 * An action a playbook recommends. {@link #getTarget()} names what it acts on (a sender, a URL, a
 * cluster); {@link #getDeliveries()} lists, for actions on messages, every copy it covers.
 */
public class RecommendedAction {
  private final ActionType type;
  private final EntityType targetType;
  private final String target;
  private final List<Delivery> deliveries;
  private final String explanation;

  public RecommendedAction(
      ActionType type,
      EntityType targetType,
      String target,
      List<Delivery> deliveries,
      String explanation) {
    this.type = Objects.requireNonNull(type, "type");
    this.targetType = Objects.requireNonNull(targetType, "targetType");
    this.target = Objects.requireNonNull(target, "target");
    this.deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    this.explanation = explanation;
  }

  /** An action on an entity that is not a set of messages (block a sender, reset a password). */
  public RecommendedAction(
      ActionType type, EntityType targetType, String target, String explanation) {
    this(type, targetType, target, List.of(), explanation);
  }

  public ActionType getType() {
    return type;
  }

  public EntityType getTargetType() {
    return targetType;
  }

  public String getTarget() {
    return target;
  }

  public List<Delivery> getDeliveries() {
    return deliveries;
  }

  public String getExplanation() {
    return explanation;
  }

  /** Two recommendations with the same key are the same action; the engine keeps the first. */
  public String key() {
    return type.code() + "|" + targetType.code() + "|" + target;
  }

  @Override
  public String toString() {
    return "RecommendedAction[" + type.code() + " " + targetType.code() + ":" + target + "]";
  }
}
