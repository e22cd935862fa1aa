package org.openair.domain;

import java.util.Locale;

/** The kinds of entity that findings, verdicts and actions are about. */
public enum EntityType {
  MESSAGE,
  CLUSTER,
  MAILBOX,
  SENDER,
  DOMAIN,
  URL,
  FILE,
  IP,
  INBOX_RULE,
  DELEGATION;

  /** The kebab-case form used in JSON, e.g. {@code inbox-rule}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
