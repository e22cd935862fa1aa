package org.openair.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.store.Ids;

/** Approved actions built by hand, for driving connectors directly. */
public final class TestActions {
  private TestActions() {}

  public static ActionRecord approved(
      ActionType type,
      EntityType targetType,
      String target,
      List<ActionRecord.DeliveryRef> deliveries) {
    return new ActionRecord(
        Ids.next("act"),
        Ids.next("inv"),
        type,
        targetType,
        target,
        deliveries,
        ActionStatus.APPROVED,
        "OA-TEST-001",
        "test",
        "test",
        "test.drl",
        "0".repeat(64),
        "rs-test",
        List.of(),
        "Test action.",
        Instant.now(),
        "admin",
        Instant.now(),
        null,
        null,
        null);
  }

  /** A copy of the message with this Message-ID in each mailbox. */
  public static List<ActionRecord.DeliveryRef> copies(
      String internetMessageId, String... mailboxes) {
    return Arrays.stream(mailboxes)
        .map(
            m ->
                new ActionRecord.DeliveryRef(
                    Ids.next("dlv"), Ids.next("msg"), m, internetMessageId))
        .toList();
  }
}
