package org.openair.investigation;

import java.time.Instant;
import org.openair.domain.Alert;
import org.openair.domain.AlertType;

/** An alert as stored. */
public record AlertRecord(
    String id,
    AlertType type,
    String messageId,
    String internetMessageId,
    String url,
    String user,
    String reportedBy,
    Instant occurredAt,
    Instant createdAt,
    String createdBy) {

  /** The alert as a rule fact. */
  public Alert toFact() {
    return new Alert(id, type, messageId, internetMessageId, url, user, reportedBy, occurredAt);
  }
}
