package org.openair.action;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The life of a recommended action: pending, then decided, then carried out. */
public enum ActionStatus {
  PENDING,
  APPROVED,
  REJECTED,
  EXECUTED,
  FAILED,
  EXPIRED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ActionStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
