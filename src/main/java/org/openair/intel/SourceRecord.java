package org.openair.intel;

import java.time.Instant;
import java.util.List;

/** A source's definition and how its last refresh went. */
public record SourceRecord(
    SourceSpec spec,
    String etag,
    String lastModified,
    Instant lastAttemptAt,
    Instant lastSuccessAt,
    int indicatorCount,
    int skippedCount,
    String lastError,
    List<String> problems,
    Instant createdAt,
    String createdBy) {}
