package org.openair.investigation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an investigation is, after Microsoft AIR's investigation states. */
public enum InvestigationStatus {
  QUEUED,
  RUNNING,
  NO_THREATS_FOUND,
  PENDING_ACTION,
  PARTIALLY_REMEDIATED,
  REMEDIATED,
  FAILED,
  TERMINATED;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<InvestigationStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
