package org.openair.action;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openair.BadRequestException;
import org.openair.domain.ActionType;
import org.openair.domain.AlertType;

/**
 * Which recommended actions run without a person (phase 2). Levels are {@code manual} (the action
 * waits for approval) or {@code automatic}, per action type and per playbook. An explicit {@code
 * manual} on either the type or the playbook wins; otherwise an explicit {@code automatic} on
 * either makes the action automatic; with neither set it is manual.
 *
 * <p>Guardrails apply after the levels: {@code allManual} turns everything manual at once; identity
 * actions (disable user, reset password, revoke sessions) stay manual unless {@code
 * identityActionsAutomatic}; four-eyes types always wait for two people; an action covering more
 * than {@code maxClusterSize} message copies waits for a person.
 */
public record AutomationPolicy(
    boolean allManual,
    int maxClusterSize,
    boolean identityActionsAutomatic,
    Map<String, String> actionTypes,
    Map<String, String> playbooks) {

  public static final String MANUAL = "manual";
  public static final String AUTOMATIC = "automatic";
  public static final int DEFAULT_MAX_CLUSTER_SIZE = 10_000;
  public static final int LARGEST_MAX_CLUSTER_SIZE = 1_000_000;

  /** Identity actions, never automatic unless explicitly allowed. */
  public static final Set<ActionType> IDENTITY =
      Set.of(ActionType.DISABLE_USER, ActionType.RESET_PASSWORD, ActionType.REVOKE_SESSIONS);

  /** Phase 1 behaviour, except that reporters hear the verdict without waiting. */
  public static final AutomationPolicy DEFAULT =
      new AutomationPolicy(
          false,
          DEFAULT_MAX_CLUSTER_SIZE,
          false,
          Map.of(ActionType.NOTIFY_REPORTER.code(), AUTOMATIC),
          Map.of());

  public AutomationPolicy {
    actionTypes = actionTypes == null ? Map.of() : new TreeMap<>(actionTypes);
    playbooks = playbooks == null ? Map.of() : new TreeMap<>(playbooks);
  }

  /** Whether one action runs by itself, and why, in words for the audit log. */
  public record Decision(boolean automatic, String reason) {}

  /** Decides {@code action}, which needs {@code approvalsRequired} approvers. */
  public Decision decide(ActionRecord action, int approvalsRequired) {
    String type = action.type().code();
    String typeLevel = actionTypes.get(type);
    String playbookLevel = action.playbook() == null ? null : playbooks.get(action.playbook());
    if (allManual) {
      return new Decision(false, "automation is switched off (allManual)");
    }
    if (MANUAL.equals(typeLevel) || MANUAL.equals(playbookLevel)) {
      return new Decision(false, "level manual");
    }
    if (!AUTOMATIC.equals(typeLevel) && !AUTOMATIC.equals(playbookLevel)) {
      return new Decision(false, "no automatic level for " + type + " or its playbook");
    }
    if (IDENTITY.contains(action.type()) && !identityActionsAutomatic) {
      return new Decision(false, type + " is an identity action (identityActionsAutomatic off)");
    }
    if (approvalsRequired > 1) {
      return new Decision(false, type + " needs " + approvalsRequired + " approvers");
    }
    int size = action.deliveries().size();
    if (size > maxClusterSize) {
      return new Decision(
          false, size + " message copies is above the automation limit of " + maxClusterSize);
    }
    return new Decision(
        true,
        "level automatic for "
            + (AUTOMATIC.equals(typeLevel)
                ? "action type " + type
                : "playbook " + action.playbook()));
  }

  /** Checks every field; a wrong one is a 400 naming it. */
  public AutomationPolicy validated() {
    if (maxClusterSize < 0 || maxClusterSize > LARGEST_MAX_CLUSTER_SIZE) {
      throw new BadRequestException(
          "maxClusterSize", "'maxClusterSize' must be from 0 to " + LARGEST_MAX_CLUSTER_SIZE);
    }
    Set<String> types =
        Arrays.stream(ActionType.values()).map(ActionType::code).collect(Collectors.toSet());
    Set<String> books =
        Arrays.stream(AlertType.values()).map(AlertType::playbook).collect(Collectors.toSet());
    check("actionTypes", actionTypes, types);
    check("playbooks", playbooks, books);
    return this;
  }

  private static void check(String field, Map<String, String> levels, Set<String> known) {
    for (Map.Entry<String, String> e : levels.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new BadRequestException(
            field, "unknown key '" + e.getKey() + "' in '" + field + "'; known: " + known);
      }
      if (!MANUAL.equals(e.getValue()) && !AUTOMATIC.equals(e.getValue())) {
        throw new BadRequestException(
            field, "'" + field + "." + e.getKey() + "' must be 'manual' or 'automatic'");
      }
    }
  }

  /** The policy as a JSON-ready map, in a stable order. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("allManual", allManual);
    m.put("maxClusterSize", maxClusterSize);
    m.put("identityActionsAutomatic", identityActionsAutomatic);
    m.put("actionTypes", actionTypes);
    m.put("playbooks", playbooks);
    return m;
  }
}
