package org.openair.action;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of a recommended action: pending (also while a second approver is awaited), then
 * decided, then carried out. {@code executing} means a worker has claimed it and handed it to the
 * connectors; {@code merged} means the same action on the same target was approved shortly before
 * and this one is covered by it.
 */
public enum ActionStatus {
  PENDING,
  APPROVED,
  EXECUTING,
  REJECTED,
  EXECUTED,
  FAILED,
  EXPIRED,
  MERGED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ActionStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
