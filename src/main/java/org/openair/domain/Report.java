package org.openair.domain;

import java.time.Instant;
import java.util.Locale;

/** A user's report of a message as a threat: the alert that said so, seen from another report. */
public class Report {
  private final String alertId;
  private final String messageId;
  private final String reportedBy;
  private final Instant reportedAt;

  public Report(String alertId, String messageId, String reportedBy, Instant reportedAt) {
    this.alertId = alertId;
    this.messageId = messageId;
    this.reportedBy = reportedBy == null ? null : reportedBy.strip().toLowerCase(Locale.ROOT);
    this.reportedAt = reportedAt;
  }

  public String getAlertId() {
    return alertId;
  }

  public String getMessageId() {
    return messageId;
  }

  /** The reporting mailbox, lower case. */
  public String getReportedBy() {
    return reportedBy;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  @Override
  public String toString() {
    return "Report[" + messageId + " by " + reportedBy + "]";
  }
}
