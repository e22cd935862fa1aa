package org.openair.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openair.BadRequestException;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;

/** Automation levels per type and playbook, and the guardrails that override them. */
class AutomationPolicyTest {

  private static ActionRecord action(ActionType type, String playbook, int copies) {
    List<ActionRecord.DeliveryRef> deliveries =
        Collections.nCopies(copies, new ActionRecord.DeliveryRef("dlv", "msg", "a@corp", "<m>"));
    return new ActionRecord(
        "act-1",
        "inv-1",
        type,
        EntityType.CLUSTER,
        "cluster:msg",
        deliveries,
        ActionStatus.PENDING,
        "R",
        "rule",
        playbook,
        "f.drl",
        "0",
        "rs",
        List.of(),
        "why",
        Instant.EPOCH,
        null,
        null,
        null,
        null,
        null);
  }

  private static AutomationPolicy policy(
      boolean allManual, Map<String, String> types, Map<String, String> playbooks) {
    return new AutomationPolicy(allManual, 10_000, false, types, playbooks);
  }

  @Test
  void defaultPolicyRunsOnlyReporterNoticesByThemselves() {
    AutomationPolicy p = AutomationPolicy.DEFAULT;
    assertThat(p.decide(action(ActionType.NOTIFY_REPORTER, "user-reported", 0), 1).automatic())
        .isTrue();
    assertThat(p.decide(action(ActionType.SOFT_DELETE, "user-reported", 3), 1).automatic())
        .isFalse();
  }

  @Test
  void automaticTypeRunsByItselfInAnyPlaybook() {
    AutomationPolicy p = policy(false, Map.of("soft-delete", "automatic"), Map.of());
    AutomationPolicy.Decision d = p.decide(action(ActionType.SOFT_DELETE, "url-click", 3), 1);
    assertThat(d.automatic()).isTrue();
    assertThat(d.reason()).contains("soft-delete");
  }

  @Test
  void automaticPlaybookRunsItsActionsUnlessTheTypeIsManual() {
    AutomationPolicy p =
        policy(false, Map.of("block-sender", "manual"), Map.of("user-reported", "automatic"));
    assertThat(p.decide(action(ActionType.SOFT_DELETE, "user-reported", 3), 1).automatic())
        .isTrue();
    assertThat(p.decide(action(ActionType.BLOCK_SENDER, "user-reported", 0), 1).automatic())
        .isFalse();
    assertThat(p.decide(action(ActionType.SOFT_DELETE, "malware-zap", 3), 1).automatic()).isFalse();
  }

  @Test
  void manualPlaybookWinsOverAnAutomaticType() {
    AutomationPolicy p =
        policy(false, Map.of("soft-delete", "automatic"), Map.of("manual", "manual"));
    assertThat(p.decide(action(ActionType.SOFT_DELETE, "manual", 3), 1).automatic()).isFalse();
  }

  @Test
  void clusterAboveTheLimitWaitsForAPerson() {
    AutomationPolicy p = policy(false, Map.of("soft-delete", "automatic"), Map.of());
    assertThat(p.decide(action(ActionType.SOFT_DELETE, "user-reported", 10_000), 1).automatic())
        .isTrue();
    AutomationPolicy.Decision above =
        p.decide(action(ActionType.SOFT_DELETE, "user-reported", 10_001), 1);
    assertThat(above.automatic()).isFalse();
    assertThat(above.reason()).contains("10001").contains("10000");
  }

  @Test
  void identityActionsStayManualUnlessExplicitlyEnabled() {
    Map<String, String> types = Map.of("revoke-sessions", "automatic");
    ActionRecord revoke = action(ActionType.REVOKE_SESSIONS, "compromised-user", 0);
    assertThat(new AutomationPolicy(false, 10_000, false, types, Map.of()).decide(revoke, 1))
        .extracting(AutomationPolicy.Decision::automatic)
        .isEqualTo(false);
    assertThat(new AutomationPolicy(false, 10_000, true, types, Map.of()).decide(revoke, 1))
        .extracting(AutomationPolicy.Decision::automatic)
        .isEqualTo(true);
  }

  @Test
  void fourEyesTypesNeverRunByThemselves() {
    AutomationPolicy p =
        new AutomationPolicy(false, 10_000, true, Map.of("disable-user", "automatic"), Map.of());
    assertThat(p.decide(action(ActionType.DISABLE_USER, "compromised-user", 0), 2).automatic())
        .isFalse();
  }

  @Test
  void theSwitchTurnsEverythingManual() {
    AutomationPolicy p =
        policy(
            true,
            Map.of("soft-delete", "automatic", "notify-reporter", "automatic"),
            Map.of("user-reported", "automatic"));
    for (ActionType type : ActionType.values()) {
      assertThat(p.decide(action(type, "user-reported", 1), 1).automatic())
          .as(type.code())
          .isFalse();
    }
  }

  @Test
  void unknownTypesPlaybooksAndLevelsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> policy(false, Map.of("nuke", "automatic"), Map.of()).validated())
        .isInstanceOf(BadRequestException.class)
        .extracting(e -> ((BadRequestException) e).field())
        .isEqualTo("actionTypes");
    assertThatThrownBy(
            () -> policy(false, Map.of(), Map.of("user-reported", "sometimes")).validated())
        .isInstanceOf(BadRequestException.class)
        .extracting(e -> ((BadRequestException) e).field())
        .isEqualTo("playbooks");
    assertThatThrownBy(() -> new AutomationPolicy(false, -1, false, Map.of(), Map.of()).validated())
        .isInstanceOf(BadRequestException.class)
        .extracting(e -> ((BadRequestException) e).field())
        .isEqualTo("maxClusterSize");
  }
}
