package org.openair.audit;

import java.time.Instant;

/** A filter over the audit log; null fields match everything. */
public record AuditQuery(
    String actor, String event, String entityId, Instant since, long afterSeq, int limit) {}
