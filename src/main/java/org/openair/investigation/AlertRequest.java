package org.openair.investigation;

import java.time.Instant;

/** An alert as sources send it; which fields are required depends on {@code type}. */
public record AlertRequest(
    String type,
    String messageId,
    String internetMessageId,
    String url,
    String user,
    String reportedBy,
    Instant occurredAt) {}
