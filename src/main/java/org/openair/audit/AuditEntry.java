package org.openair.audit;

import java.time.Instant;

/** One audit log entry: who did what to which entity, the state before and after, its hash. */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String event,
    String entityType,
    String entityId,
    String before,
    String after,
    String prevHash,
    String hash) {

  AuditEntry withHash(String newHash) {
    return new AuditEntry(
        seq, at, actor, event, entityType, entityId, before, after, prevHash, newHash);
  }
}
