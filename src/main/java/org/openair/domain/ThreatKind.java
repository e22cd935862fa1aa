package org.openair.domain;

import java.util.Locale;

/** What kind of threat a verdict is about, after Microsoft AIR's threat kinds. */
public enum ThreatKind {
  NONE,
  PHISH,
  HIGH_CONFIDENCE_PHISH,
  MALWARE,
  SPAM,
  BEC,
  MALICIOUS_URL,
  VOLUME_ANOMALY,
  COMPROMISED_USER;

  /** The kebab-case form used in JSON, e.g. {@code high-confidence-phish}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
