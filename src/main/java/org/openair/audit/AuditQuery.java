package org.openair.audit;

import java.time.Instant;

/** A filter over the audit log; null fields match everything. */
public record AuditQuery(
    String actor,
    String event,
    String entityType,
    String entityId,
    Instant since,
    Instant until,
    long afterSeq,
    int limit) {

  public AuditQuery(
      String actor, String event, String entityId, Instant since, long afterSeq, int limit) {
    this(actor, event, null, entityId, since, null, afterSeq, limit);
  }
}
