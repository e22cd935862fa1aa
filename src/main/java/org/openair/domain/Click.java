package org.openair.domain;

import java.time.Instant;

/** A user's click on a URL, as recorded by a URL-rewriting proxy or reported by an alert. */
public class Click {
  private final String url;
  private final String user;
  private final Instant clickedAt;
  private final String messageId;
  private final boolean blocked;

  public Click(String url, String user, Instant clickedAt, String messageId, boolean blocked) {
    this.url = url;
    this.user = user;
    this.clickedAt = clickedAt;
    this.messageId = messageId;
    this.blocked = blocked;
  }

  public String getUrl() {
    return url;
  }

  public String getUser() {
    return user;
  }

  public Instant getClickedAt() {
    return clickedAt;
  }

  /** The message the link was clicked in, when known. */
  public String getMessageId() {
    return messageId;
  }

  /** True when a proxy blocked the visit; false when the user reached the page. */
  public boolean isBlocked() {
    return blocked;
  }

  @Override
  public String toString() {
    return "Click[" + user + " -> " + url + "]";
  }
}
