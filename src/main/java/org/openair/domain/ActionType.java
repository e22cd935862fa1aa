package org.openair.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The remediation actions a playbook can recommend, after Microsoft AIR's action list. */
public enum ActionType {
  SOFT_DELETE(true, true),
  MOVE_TO_JUNK(true, true),
  MOVE_TO_INBOX(false, false),
  HARD_DELETE(true, false),
  QUARANTINE(true, true),
  BLOCK_SENDER(true, true),
  BLOCK_DOMAIN(true, true),
  BLOCK_URL(true, true),
  BLOCK_FILE(true, true),
  REMOVE_INBOX_RULE(true, false),
  DISABLE_EXTERNAL_FORWARDING(true, false),
  REMOVE_DELEGATION(true, false),
  DISABLE_USER(true, false),
  RESET_PASSWORD(true, false),
  REVOKE_SESSIONS(true, false),
  NOTIFY_REPORTER(false, false);

  private final boolean destructive;
  private final boolean reversible;

  ActionType(boolean destructive, boolean reversible) {
    this.destructive = destructive;
    this.reversible = reversible;
  }

  /** True when the action removes, blocks or disables something a user relies on. */
  public boolean isDestructive() {
    return destructive;
  }

  /** True when the action can be undone (back to the inbox, unblock). */
  public boolean isReversible() {
    return reversible;
  }

  /** The kebab-case form used in JSON, e.g. {@code soft-delete}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<ActionType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(t -> t.code().equals(code.trim())).findFirst();
  }
}
