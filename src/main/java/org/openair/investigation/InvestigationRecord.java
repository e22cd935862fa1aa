package org.openair.investigation;

import java.time.Instant;
import org.openair.domain.Verdict;

/** An investigation as stored; {@code result} is the engine's outcome as JSON. */
public record InvestigationRecord(
    String id,
    String alertId,
    String playbook,
    InvestigationStatus status,
    Verdict verdict,
    String threatKind,
    String ruleSetId,
    int attempts,
    String error,
    String result,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant updatedAt) {}
