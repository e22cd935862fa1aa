package org.openair.domain;

/** The kinds of data a rule may ask the engine to fetch from the store. */
public enum LookupKind {
  /** Other messages from the same sender with the same normalised subject; key: message id. */
  SIMILAR_MESSAGES,
  /** Messages carrying the same URL; key: the URL. */
  SAME_URL,
  /** Messages carrying an attachment with this SHA-256; key: the hash. */
  SAME_ATTACHMENT,
  /** Every delivery of one message; key: message id. */
  DELIVERIES,
  /** Clicks on a URL; key: the URL. */
  CLICKS,
  /** Inbox and forwarding rules of a mailbox; key: the mailbox address. */
  INBOX_RULES,
  /**
   * Rights a mailbox's owner gave others on its folders ({@link Delegation} facts); key: the
   * mailbox address.
   */
  DELEGATIONS,
  /** Messages a mailbox sent; key: the mailbox address. */
  SENT_MESSAGES,
  /**
   * Delivered messages matching a threat-intelligence indicator (URL, domain, IP, hash, sender);
   * key: the indicator's type and value, {@code type:value} (e.g. {@code domain:evil.example}), as
   * {@code IntelHit.indicatorKey} gives it. Retro-hunt playbooks use it to find every copy.
   */
  INTEL_MATCH,
  /**
   * A virus scan of each attachment of a message (when a scanner is configured); key: message id.
   */
  ATTACHMENT_SCANS,
  /**
   * Earlier messages from one sender address to the organisation, oldest first, without cluster
   * members; key: the sender address. Rules read {@link LookupRequest#getFound()} or the messages.
   */
  SENDER_HISTORY,
  /** Users' reports of one message ({@link Report} facts); key: message id. */
  OTHER_REPORTS
}
