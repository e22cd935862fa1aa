package org.openair.domain;

import java.time.Instant;

/** A mailbox rule that forwards, redirects or otherwise acts on incoming mail. */
public class InboxRule {
  private final String id;
  private final String mailbox;
  private final String name;
  private final String forwardTo;
  private final boolean external;
  private final boolean enabled;
  private final Instant createdAt;

  public InboxRule(
      String id,
      String mailbox,
      String name,
      String forwardTo,
      boolean external,
      boolean enabled,
      Instant createdAt) {
    this.id = id;
    this.mailbox = mailbox;
    this.name = name;
    this.forwardTo = forwardTo;
    this.external = external;
    this.enabled = enabled;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public String getMailbox() {
    return mailbox;
  }

  public String getName() {
    return name;
  }

  /** The address mail is forwarded or redirected to, or null for rules that do not forward. */
  public String getForwardTo() {
    return forwardTo;
  }

  /** True when {@link #getForwardTo()} is outside the organisation's accepted domains. */
  public boolean isExternal() {
    return external;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "InboxRule[" + mailbox + " " + name + " -> " + forwardTo + "]";
  }
}
