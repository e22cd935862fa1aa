package org.openair.support;

import jakarta.enterprise.inject.spi.CDI;
import java.time.Instant;
import java.util.List;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.ActionStore;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.store.Db;
import org.openair.store.Ids;

/**
 * Actions no playbook recommends yet (hard delete, identity actions), added to a real investigation
 * as a playbook would, for tests of the action center's rules on them.
 */
public final class Fixtures {
  private Fixtures() {}

  public static String addAction(
      String investigationId,
      ActionType type,
      EntityType targetType,
      String target,
      List<ActionRecord.DeliveryRef> deliveries) {
    ActionStore store = CDI.current().select(ActionStore.class).get();
    Db db = CDI.current().select(Db.class).get();
    String id = Ids.next("act");
    ActionRecord a =
        new ActionRecord(
            id,
            investigationId,
            type,
            targetType,
            target,
            deliveries,
            ActionStatus.PENDING,
            "TEST-001",
            "test fixture",
            "user-reported",
            "test.drl",
            "0".repeat(64),
            null,
            List.of(),
            "A " + type.code() + " added by a test.",
            Instant.now(),
            null,
            null,
            null,
            null,
            null);
    db.inTransaction(
        c -> {
          store.insert(c, List.of(a));
          return null;
        });
    return id;
  }
}
