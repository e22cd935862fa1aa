package org.openair.intel;

import java.time.Instant;

/** One indicator posted to the bulk API; {@code type} may be left out to be inferred. */
public record BulkRequest(
    String type,
    String value,
    String source,
    String verdict,
    Integer confidence,
    String threat,
    String description,
    Instant expiresAt) {}
