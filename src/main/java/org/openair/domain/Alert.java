package org.openair.domain;

import java.time.Instant;

/** The alert that started an investigation and what it is about. */
public class Alert {
  private final String id;
  private final AlertType type;
  private final String messageId;
  private final String internetMessageId;
  private final String url;
  private final String user;
  private final String reportedBy;
  private final Instant occurredAt;

  public Alert(
      String id,
      AlertType type,
      String messageId,
      String internetMessageId,
      String url,
      String user,
      String reportedBy,
      Instant occurredAt) {
    this.id = id;
    this.type = type;
    this.messageId = messageId;
    this.internetMessageId = internetMessageId;
    this.url = url;
    this.user = user;
    this.reportedBy = reportedBy;
    this.occurredAt = occurredAt;
  }

  public String getId() {
    return id;
  }

  public AlertType getType() {
    return type;
  }

  /** The playbook that handles this alert, e.g. {@code user-reported}. */
  public String getPlaybook() {
    return type.playbook();
  }

  /** OpenAIR's id of the message the alert is about, resolved at intake, or null. */
  public String getMessageId() {
    return messageId;
  }

  public String getInternetMessageId() {
    return internetMessageId;
  }

  public String getUrl() {
    return url;
  }

  /** The mailbox or user the alert is about (clicker, suspicious sender...), lower case. */
  public String getUser() {
    return user;
  }

  /** Who reported the message, for user-reported alerts. */
  public String getReportedBy() {
    return reportedBy;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  /**
   * The message id under which the alert's own URL is inserted as a {@link Link}, so that rules can
   * analyse it like a link of a message: {@code alert:<alert id>}.
   */
  public static String linkMessageId(String alertId) {
    return "alert:" + alertId;
  }

  /** {@link #linkMessageId(String)} of this alert. */
  public String getLinkMessageId() {
    return linkMessageId(id);
  }

  @Override
  public String toString() {
    return "Alert[" + type.code() + " " + id + "]";
  }
}
