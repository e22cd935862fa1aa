package org.openair.domain;

import java.time.Instant;
import java.util.Locale;

/** One copy of a message in one mailbox, and the folder where it is now. */
public class Delivery {
  public static final String INBOX = "inbox";
  public static final String JUNK = "junk";
  public static final String RECOVERABLE = "recoverable";
  public static final String DELETED = "deleted";
  public static final String QUARANTINE = "quarantine";

  private final String id;
  private final String messageId;
  private final String mailbox;
  private final String folder;
  private final Instant deliveredAt;

  public Delivery(String id, String messageId, String mailbox, String folder, Instant deliveredAt) {
    this.id = id;
    this.messageId = messageId;
    this.mailbox = mailbox == null ? null : mailbox.strip().toLowerCase(Locale.ROOT);
    this.folder = folder == null ? INBOX : folder;
    this.deliveredAt = deliveredAt;
  }

  public String getId() {
    return id;
  }

  public String getMessageId() {
    return messageId;
  }

  /** The mailbox address, lower case. */
  public String getMailbox() {
    return mailbox;
  }

  /** Where the copy is: {@code inbox}, {@code junk}, {@code recoverable}, {@code deleted}... */
  public String getFolder() {
    return folder;
  }

  /** True while the copy is still where its owner can open it. */
  public boolean isReachable() {
    return INBOX.equals(folder) || JUNK.equals(folder);
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  @Override
  public String toString() {
    return "Delivery[" + messageId + " in " + mailbox + "/" + folder + "]";
  }
}
