package org.openair.domain;

/** Verdict on an entity or a whole investigation, ordered from worst to best. */
public enum Verdict {
  MALICIOUS,
  SUSPICIOUS,
  CLEAN,
  UNKNOWN;

  /** The lower-case form used in JSON and rule files, e.g. {@code malicious}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True when this verdict is worse than {@code other}; {@link #UNKNOWN} ranks below clean. */
  public boolean worseThan(Verdict other) {
    return rank() > other.rank();
  }

  private int rank() {
    return switch (this) {
      case MALICIOUS -> 3;
      case SUSPICIOUS -> 2;
      case CLEAN -> 1;
      case UNKNOWN -> 0;
    };
  }
}
