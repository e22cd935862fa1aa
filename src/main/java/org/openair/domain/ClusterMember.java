package org.openair.domain;

/**
 * A message that belongs to the investigated message's cluster: the message itself ({@link
 * LookupKind} null) or one a lookup found (same sender and subject, same URL, same file).
 */
public class ClusterMember {
  private final String messageId;
  private final LookupKind reason;
  private final String key;

  public ClusterMember(String messageId, LookupKind reason, String key) {
    this.messageId = messageId;
    this.reason = reason;
    this.key = key;
  }

  public String getMessageId() {
    return messageId;
  }

  /** Which lookup found it, or null for the investigated message itself. */
  public LookupKind getReason() {
    return reason;
  }

  /** The value the lookup matched on (URL, hash, message id). */
  public String getKey() {
    return key;
  }

  public boolean isRoot() {
    return reason == null;
  }

  @Override
  public String toString() {
    return "ClusterMember[" + messageId + " by " + reason + " " + key + "]";
  }
}
